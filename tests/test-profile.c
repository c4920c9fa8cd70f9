/* test-profile.c: agreement profiles: the shipped ones, and what the loader refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plc-error.h"
#include "plc-municipality.h"
#include "plc-profile-set.h"

/* A small valid regional profile; each refusal test changes one thing. */
static const char base_profile[] =
  "{"
  "  \"format\": 1, \"id\": \"testland\", \"version\": \"2024.1\", \"kind\": \"regional\","
  "  \"name\": {\"sv\": \"Testland\", \"en\": \"Testland\"},"
  "  \"description\": {\"sv\": \"Ett test\", \"en\": \"A test\"},"
  "  \"document\": {\"sv\": \"Dokument\", \"en\": \"Document\"},"
  "  \"region\": \"03\","
  "  \"parties\": [\"Uppsala\", {\"name\": \"Förbundet\", \"municipalities\": [\"Enköping\"]}],"
  "  \"validity\": {\"valid_from\": \"2024-01-01\", \"valid_to\": \"2025-12-31\"},"
  "  \"scope\": {\"legal_bases\": [\"SoL\", \"LVU2\"], \"forms\": [\"familjehem\", \"hvb\"],"
  "             \"min_age\": 0, \"max_age\": 20},"
  "  \"rules\": ["
  "    {\"id\": \"alpha\", \"title\": {\"sv\": \"A\", \"en\": \"A\"},"
  "     \"description\": {\"sv\": \"A\", \"en\": \"A\"}, \"references\": [],"
  "     \"section\": \"1\", \"responsible\": \"municipality\","
  "     \"anchor\": \"placement-start\", \"offset\": {\"amount\": 1, \"unit\": \"weeks\"},"
  "     \"not_needed\": false, \"local_routine\": false},"
  "    {\"id\": \"beta\", \"title\": {\"sv\": \"B\", \"en\": \"B\"},"
  "     \"description\": {\"sv\": \"B\", \"en\": \"B\"}, \"references\": [],"
  "     \"section\": null, \"responsible\": \"region\","
  "     \"anchor\": \"rule:alpha\", \"offset\": {\"amount\": 2, \"unit\": \"days\"},"
  "     \"not_needed\": true, \"local_routine\": true}"
  "  ],"
  "  \"escalation\": ["
  "    {\"level\": 1, \"body\": {\"sv\": \"X\", \"en\": \"X\"}, \"description\": {\"sv\": \"X\", \"en\": \"X\"}}"
  "  ],"
  "  \"indicators\": []"
  "}";

static PlcProfile *
load_text (const char  *text,
           GError     **error)
{
  return plc_profile_load_from_data (text, -1, "test.json", NULL, error);
}

/* Sets @path (such as "rules.1.offset.unit", or "rules.+" to append) of
 * the base profile to the JSON @value, or removes it when @value is NULL. */
static char *
mutate (const char *path,
        const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);
  JsonNode *node;
  guint n = g_strv_length (steps);

  g_assert_true (json_parser_load_from_data (parser, base_profile, -1, NULL));
  node = json_parser_get_root (parser);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (steps[i]));
      else
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      g_assert_nonnull (node);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonParser) value_parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (value_parser, value, -1, NULL));
      if (g_str_equal (steps[n - 1], "+"))
        json_array_add_element (array, json_node_copy (json_parser_get_root (value_parser)));
      else
        {
          /* replace element: rebuild the array */
          g_autoptr(JsonArray) copy = json_array_new ();
          guint index = atoi (steps[n - 1]);

          for (guint i = 0; i < json_array_get_length (array); i++)
            json_array_add_element (copy, json_node_copy (i == index
                                                          ? json_parser_get_root (value_parser)
                                                          : json_array_get_element (array, i)));
          json_node_set_array (node, copy);
        }
    }
  else
    {
      JsonObject *object = json_node_get_object (node);

      if (value == NULL)
        json_object_remove_member (object, steps[n - 1]);
      else
        {
          g_autoptr(JsonParser) value_parser = json_parser_new ();

          g_assert_true (json_parser_load_from_data (value_parser, value, -1, NULL));
          json_object_set_member (object, steps[n - 1],
                                  json_node_copy (json_parser_get_root (value_parser)));
        }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_base_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = load_text (base_profile, &error);
  const PlcRule *beta;

  g_assert_no_error (error);
  g_assert_cmpstr (plc_profile_get_id (profile), ==, "testland");
  g_assert_cmpuint (plc_profile_get_n_rules (profile), ==, 2);
  /* Uppsala, and Enköping through the association */
  g_assert_true (plc_profile_has_party (profile, "0380"));
  g_assert_true (plc_profile_has_party (profile, "0381"));
  g_assert_false (plc_profile_has_party (profile, "0180"));
  g_assert_true (plc_profile_is_valid_on (profile, plc_date_new (2025, 12, 31)));
  g_assert_false (plc_profile_is_valid_on (profile, plc_date_new (2026, 1, 1)));
  g_assert_false (plc_profile_is_valid_on (profile, plc_date_new (2023, 12, 31)));

  beta = plc_profile_get_rule (profile, 1);
  g_assert_true (plc_rule_get_local_routine (beta));
  g_assert_true (plc_rule_get_not_needed_allowed (beta));
  g_assert_null (plc_rule_get_section (beta));
  g_assert_cmpint (plc_rule_get_responsible (beta), ==, PLC_PARTY_REGION);
  /* Optional members that are absent */
  g_assert_false (plc_rule_get_statutory (beta));
  g_assert_cmpint (plc_rule_get_max_age_at_due (beta), ==, -1);
  g_assert_cmpuint (plc_profile_get_n_dispute_ladders (profile), ==, 0);
}

/* The members issue 13 added: a period set by law, the age on the due
 * date, the new anchors and conditions, other dispute ladders */
static void
test_new_members (void)
{
  g_autofree char *one = mutate ("rules.0.statutory", "true");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonObject *alpha;
  const PlcRule *rule;
  const PlcEscalationLevel *level;
  PlcOffset notice;
  PlcRuleFacts facts = { 0, };
  g_autofree char *conditions = NULL;

  g_assert_true (json_parser_load_from_data (parser, one, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  alpha = json_array_get_object_element (json_object_get_array_member (root, "rules"), 0);
  {
    g_autoptr(JsonParser) when = json_parser_new ();
    g_autoptr(JsonParser) ladders = json_parser_new ();
    g_autoptr(JsonParser) anchors = json_parser_new ();

    g_assert_true (json_parser_load_from_data (when,
                   "{\"max_age\": 17, \"max_age_at_due\": 17, \"undocumented\": true,"
                   " \"other_municipality\": true, \"lvu_international\": false}", -1, NULL));
    json_object_set_member (alpha, "when", json_node_copy (json_parser_get_root (when)));
    g_assert_true (json_parser_load_from_data (anchors,
                   "[\"home-start\", \"discharge-notice\", \"temporary-moving-ban-decided\"]",
                   -1, NULL));
    json_object_set_member (alpha, "anchor", json_node_copy (json_parser_get_root (anchors)));
    g_assert_true (json_parser_load_from_data (ladders,
                   "[{\"title\": {\"sv\": \"Regional\", \"en\": \"Regional\"}, \"section\": \"10.2\","
                   "  \"levels\": [{\"level\": 1, \"body\": {\"sv\": \"N\", \"en\": \"N\"},"
                   "               \"description\": {\"sv\": \"N\", \"en\": \"N\"},"
                   "               \"notice\": {\"amount\": 1, \"unit\": \"months\"}, \"in_writing\": true},"
                   "              {\"level\": 2, \"body\": {\"sv\": \"V\", \"en\": \"V\"},"
                   "               \"description\": {\"sv\": \"V\", \"en\": \"V\"}}]}]", -1, NULL));
    json_object_set_member (root, "dispute_ladders", json_node_copy (json_parser_get_root (ladders)));
  }
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);

  profile = load_text (text, &error);
  g_assert_no_error (error);
  rule = plc_profile_get_rule (profile, 0);
  g_assert_true (plc_rule_get_statutory (rule));
  g_assert_cmpint (plc_rule_get_max_age_at_due (rule), ==, 17);
  g_assert_cmpuint (plc_rule_get_n_anchors (rule), ==, 3);
  g_assert_cmpint (plc_rule_get_anchor (rule, 0, NULL), ==, PLC_ANCHOR_HOME_START);
  g_assert_cmpint (plc_rule_get_anchor (rule, 1, NULL), ==, PLC_ANCHOR_DISCHARGE_NOTICE);
  g_assert_cmpint (plc_rule_get_anchor (rule, 2, NULL), ==, PLC_ANCHOR_TEMPORARY_MOVING_BAN);
  g_assert_true (plc_rule_has_anchor (rule, PLC_ANCHOR_HOME_START));
  g_assert_false (plc_rule_has_anchor (rule, PLC_ANCHOR_CARE_START));
  g_assert_cmpstr (plc_anchor_to_string (PLC_ANCHOR_TEMPORARY_MOVING_BAN), ==, "temporary-moving-ban-decided");

  /* The conditions, each one told apart */
  facts.legal_basis = PLC_LEGAL_BASIS_SOL;
  facts.form = PLC_PLACEMENT_FORM_FAMILJEHEM;
  facts.age = 10;
  facts.age_at_end = -1;
  facts.undocumented = TRUE;
  facts.other_municipality = TRUE;
  g_assert_true (plc_rule_applies (rule, &facts));
  facts.undocumented = FALSE;
  g_assert_false (plc_rule_applies (rule, &facts));
  facts.undocumented = TRUE;
  facts.other_municipality = FALSE;
  g_assert_false (plc_rule_applies (rule, &facts));
  facts.other_municipality = TRUE;
  facts.lvu_international = TRUE;
  g_assert_false (plc_rule_applies (rule, &facts));

  conditions = plc_rule_dup_conditions (rule);
  g_assert_nonnull (strstr (conditions, "in Sweden without a permit"));
  g_assert_nonnull (strstr (conditions, "placed in another municipality"));
  g_assert_nonnull (strstr (conditions, "Swedish courts can decide on care"));
  g_assert_nonnull (strstr (conditions, "at most 17 years old on the due date"));

  g_assert_cmpuint (plc_profile_get_n_dispute_ladders (profile), ==, 1);
  g_assert_cmpstr (plc_profile_get_dispute_ladder_title (profile, 0), ==, "Regional");
  g_assert_cmpstr (plc_profile_get_dispute_ladder_section (profile, 0), ==, "10.2");
  g_assert_cmpuint (plc_profile_get_dispute_ladder_n_levels (profile, 0), ==, 2);
  level = plc_profile_get_dispute_ladder_level (profile, 0, 0);
  g_assert_true (plc_escalation_level_get_in_writing (level));
  g_assert_true (plc_escalation_level_get_notice (level, &notice));
  g_assert_cmpint (notice.amount, ==, 1);
  g_assert_cmpint (notice.unit, ==, PLC_OFFSET_UNIT_MONTHS);
  /* The ladder deviation reports climb is another */
  g_assert_cmpuint (plc_profile_get_n_escalation_levels (profile), ==, 1);
}

typedef struct
{
  const char *name;
  const char *path;       /* what to change; NULL: use text */
  const char *value;      /* the new JSON value; NULL removes */
  const char *text;       /* a whole file instead */
  const char *expected;   /* must be in the message */
} Refusal;

static const Refusal refusals[] = {
  { "malformed", NULL, NULL, "{\"format\": 1,", "test.json: not valid JSON" },
  { "not-an-object", NULL, NULL, "[1, 2]", "test.json: $: expected an object" },
  { "empty", NULL, NULL, "", "test.json: the file is empty" },
  { "only-space", NULL, NULL, "  \n", "test.json: the file is empty" },
  { "missing-id", "id", NULL, NULL, "$.id: missing" },
  { "unknown-member", "rulez", "[]", NULL, "$: unknown member “rulez”" },
  { "format-string", "format", "\"1\"", NULL, "$.format: expected a whole number" },
  { "format-2", "format", "2", NULL, "$.format: expected a whole number from 1 to 1" },
  { "bad-id", "id", "\"Test Land\"", NULL, "$.id: expected an id" },
  { "bad-version", "version", "\"2024.x\"", NULL, "$.version: expected numbers separated by dots" },
  { "bad-kind", "kind", "\"local\"", NULL, "$.kind: expected baseline or regional" },
  { "baseline-not-national", "kind", "\"baseline\"", NULL, "$.kind: only the profile with the id “national”" },
  { "missing-english", "name.en", NULL, NULL, "$.name.en: missing" },
  { "empty-text", "name.sv", "\"  \"", NULL, "$.name.sv: expected a non-empty string" },
  { "bad-region", "region", "\"99\"", NULL, "$.region: expected the two-digit code" },
  { "unknown-municipality", "parties.+", "\"Atlantis\"", NULL, "$.parties[2]: expected the name of a Swedish municipality, got “Atlantis”" },
  { "party-twice", "parties.+", "\"Uppsala\"", NULL, "$.parties[2]: “Uppsala” is listed twice" },
  { "no-parties", "parties", "[]", NULL, "$.parties: expected at least one municipality" },
  { "bad-date", "validity.valid_from", "\"2024-02-30\"", NULL, "$.validity.valid_from: expected a date as YYYY-MM-DD" },
  { "ends-before-start", "validity.valid_to", "\"2023-12-31\"", NULL, "$.validity.valid_to: expected a date on or after valid_from" },
  { "extension-open-ended", "validity", "{\"valid_from\": \"2024-01-01\", \"valid_to\": null, \"extension\": {\"amount\": 12, \"unit\": \"months\", \"condition\": {\"sv\": \"a\", \"en\": \"a\"}, \"in_effect\": true}}", NULL, "$.validity.extension: an extension needs a valid_to date" },
  { "unknown-basis", "scope.legal_bases", "[\"LVU9\"]", NULL, "$.scope.legal_bases[0]: expected one of SoL, LVU2, LVU3, LVU6, got “LVU9”" },
  { "unknown-form", "scope.forms", "[\"villa\"]", NULL, "$.scope.forms[0]: expected one of familjehem" },
  { "ages-crossed", "rules.0.when", "{\"min_age\": 10, \"max_age\": 5}", NULL, "$.rules[0].when.max_age: expected a maximum age of at least min_age (10)" },
  { "age-too-high", "scope.max_age", "25", NULL, "$.scope.max_age: expected a whole number from 0 to 20" },
  { "bad-unit", "rules.0.offset.unit", "\"fortnights\"", NULL, "$.rules[0].offset.unit: expected one of days, weeks, months or years, got “fortnights”" },
  { "offset-fraction", "rules.0.offset.amount", "1.5", NULL, "$.rules[0].offset.amount: expected a whole number" },
  { "bad-anchor", "rules.0.anchor", "\"birthday\"", NULL, "$.rules[0].anchor: expected placement-start" },
  { "empty-anchor-list", "rules.0.anchor", "[]", NULL, "$.rules[0].anchor: expected at least one anchor" },
  { "bad-responsible", "rules.0.responsible", "\"school\"", NULL, "$.rules[0].responsible: expected one of municipality" },
  { "missing-offset", "rules.1.offset", NULL, NULL, "$.rules[1].offset: missing" },
  { "zero-recurrence", "rules.0.recurrence", "{\"every\": {\"amount\": 0, \"unit\": \"months\"}, \"from\": \"due\"}", NULL, "$.rules[0].recurrence.every.amount: expected a whole number from 1" },
  { "bad-recurrence-from", "rules.0.recurrence", "{\"every\": {\"amount\": 6, \"unit\": \"months\"}, \"from\": \"start\"}", NULL, "$.rules[0].recurrence.from: expected due or completion" },
  { "lvu-contradiction", "rules.0.when", "{\"legal_bases\": [\"SoL\"], \"lvu\": true}", NULL, "$.rules[0].when: “lvu” and “legal_bases” contradict each other" },
  { "when-unknown", "rules.0.when", "{\"sunny\": true}", NULL, "$.rules[0].when: unknown member “sunny”" },
  { "part-twice", "rules.0.parts", "[{\"id\": \"p\", \"title\": {\"sv\": \"P\", \"en\": \"P\"}}, {\"id\": \"p\", \"title\": {\"sv\": \"P\", \"en\": \"P\"}}]", NULL, "$.rules[0].parts[1].id: the part “p” is listed twice" },
  { "anchor-unknown-rule", "rules.1.anchor", "\"rule:gamma\"", NULL, "$.rules[1].anchor: expected a rule of this profile or of the national baseline, but there is no rule “gamma”" },
  { "anchor-itself", "rules.1.anchor", "\"rule:beta\"", NULL, "$.rules[1].anchor: the rule “beta” cannot count from itself" },
  { "anchor-cycle", "rules.0.anchor", "\"rule:beta\"", NULL, "count from each other in a circle" },
  { "duplicate-overlap", "rules.1.id", "\"alpha\"", NULL, "$.rules[1].id: the rule “alpha” is also at $.rules[0]" },
  { "escalation-gap", "escalation.+", "{\"level\": 3, \"body\": {\"sv\": \"Y\", \"en\": \"Y\"}, \"description\": {\"sv\": \"Y\", \"en\": \"Y\"}}", NULL, "$.escalation[1].level: expected level 2" },
  { "statutory-string", "rules.0.statutory", "\"yes\"", NULL, "$.rules[0].statutory: expected true or false" },
  { "statutory-routine", "rules.1.statutory", "true", NULL, "$.rules[1].statutory: a period the law sets (“statutory”) cannot be a local routine" },
  { "age-at-due-too-high", "rules.0.when", "{\"max_age_at_due\": 21}", NULL, "$.rules[0].when.max_age_at_due: expected a whole number from 0 to 20" },
  { "undocumented-string", "rules.0.when", "{\"undocumented\": \"yes\"}", NULL, "$.rules[0].when.undocumented: expected true or false" },
  { "ladder-not-array", "dispute_ladders", "{}", NULL, "$.dispute_ladders: expected an array" },
  { "ladder-no-levels", "dispute_ladders", "[{\"title\": {\"sv\": \"R\", \"en\": \"R\"}, \"section\": null, \"levels\": []}]", NULL, "$.dispute_ladders[0].levels: expected at least one level" },
  { "ladder-no-title", "dispute_ladders", "[{\"section\": null, \"levels\": []}]", NULL, "$.dispute_ladders[0].title: missing" },
  { "ladder-gap", "dispute_ladders", "[{\"title\": {\"sv\": \"R\", \"en\": \"R\"}, \"section\": \"1\", \"levels\": [{\"level\": 2, \"body\": {\"sv\": \"Y\", \"en\": \"Y\"}, \"description\": {\"sv\": \"Y\", \"en\": \"Y\"}}]}]", NULL, "$.dispute_ladders[0].levels[0].level: expected level 1" },
  { "indicator-no-section", "indicators.+", "{\"id\": \"x\", \"title\": {\"sv\": \"X\", \"en\": \"X\"}}", NULL, "$.indicators[0].section: missing" },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = NULL;

  text = refusal->path != NULL ? mutate (refusal->path, refusal->value)
                               : g_strdup (refusal->text);
  profile = load_text (text, &error);

  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  if (strstr (error->message, refusal->expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, refusal->expected);
  g_assert_true (g_str_has_prefix (error->message, "test.json: "));
}

/* Two rules with one id are fine when no placement meets both conditions */
static void
test_disjoint_duplicates (void)
{
  g_autofree char *one = mutate ("rules.0.when", "{\"acute\": true}");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = NULL;
  g_autofree char *text = NULL;
  JsonArray *rules;
  JsonNode *copy;

  g_assert_true (json_parser_load_from_data (parser, one, -1, NULL));
  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  /* a deep copy: json_node_copy() shares the object */
  {
    g_autoptr(JsonParser) rule_parser = json_parser_new ();
    g_autofree char *rule_text = json_to_string (json_array_get_element (rules, 0), FALSE);

    g_assert_true (json_parser_load_from_data (rule_parser, rule_text, -1, NULL));
    copy = json_node_copy (json_parser_get_root (rule_parser));
  }
  json_object_set_member (json_object_get_object_member (json_node_get_object (copy), "when"),
                          "acute", json_node_init_boolean (json_node_alloc (), FALSE));
  json_array_add_element (rules, copy);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);

  profile = load_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plc_profile_get_n_rules (profile), ==, 3);

  /* …but not when the conditions can meet: acute vs any */
  json_object_remove_member (json_node_get_object (copy), "when");
  g_clear_pointer (&text, g_free);
  text = json_generator_to_data (generator, NULL);
  g_clear_object (&profile);
  profile = load_text (text, &error);
  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.rules[2].id"));
}

static void
test_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = load_text ("{\"id\": \"\xff\xfe\"}", &error);

  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
}

/* Nested deeper than json-glib can recurse, a NUL, half a surrogate pair,
 * a file larger than a profile may be: each refused with a message that
 * names the file and the limit or the place, never with a signal */
static void
test_hostile_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfile) profile = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("plc-profile-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (tmp, "big.json", NULL);
  g_autofree char *big = NULL;
  GString *deep = g_string_new ("{\"id\": \"x\", \"rules\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  profile = load_text (deep->str, &error);
  g_string_free (deep, TRUE);
  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "test.json: The file nests arrays and objects more than 64 levels deep, the most "
                   "Placements reads (at line 1, column 85)");
  g_clear_error (&error);

  profile = load_text ("{\"id\": \"national\\u0000x\"}", &error);
  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "test.json: $.id: holds the character U+0000 (NUL), which no text may hold");
  g_clear_error (&error);

  profile = load_text ("{\"id\": \"national\", \"rules\": [{\"title\": {\"sv\": \"\\ud800\"}}]}", &error);
  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "test.json: $.rules[0].title.sv: holds the first half of a UTF-16 surrogate pair without the second");
  g_clear_error (&error);

  /* A file larger than the limit is not read whole */
  big = g_strnfill (PLC_PROFILE_MAX_SIZE + 1, ' ');
  g_assert_true (g_file_set_contents (big_path, big, -1, NULL));
  profile = plc_profile_load_from_file (big_path, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "big.json: The file is larger than 4 MiB, the most Placements reads"));
  g_clear_error (&error);

  g_unlink (big_path);
  g_rmdir (tmp);
}

static void
test_versions (void)
{
  g_assert_cmpint (plc_profile_compare_versions ("2022.10", "2022.9"), >, 0);
  g_assert_cmpint (plc_profile_compare_versions ("2022.1", "2022"), >, 0);
  g_assert_cmpint (plc_profile_compare_versions ("2022", "2022.0.1"), <, 0);
  g_assert_cmpint (plc_profile_compare_versions ("2018.1", "2018.1"), ==, 0);
  g_assert_cmpint (plc_profile_compare_versions ("9", "10"), <, 0);
}

/* The shipped profiles: parties as the agreements list them */
static void
test_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (&error);
  struct {
    const char *id;
    const char *county;
    guint       n_municipalities;
  } expected[] = {
    { "stockholm", "01", 26 },
    { "jonkoping", "06", 13 },
    { "dalarna", "20", 15 },
    { "ostergotland", "05", 13 },
  };

  g_assert_no_error (error);
  g_assert_nonnull (plc_profile_set_get_baseline (set));
  g_assert_cmpstr (plc_profile_get_id (plc_profile_set_get_baseline (set)), ==, "national");
  g_assert_null (plc_profile_set_get_problems (set)[0]);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PlcProfile *profile = plc_profile_set_lookup (set, expected[i].id);
      guint n_municipalities;
      const PlcMunicipality *all = plc_municipality_all (&n_municipalities);
      guint covered = 0;

      g_assert_nonnull (profile);
      g_assert_cmpstr (plc_profile_get_region (profile), ==, expected[i].county);

      /* Every municipality of the county, and none outside it */
      for (guint m = 0; m < n_municipalities; m++)
        {
          gboolean in_county = g_str_equal (all[m].county_code, expected[i].county);

          g_assert_cmpint (plc_profile_has_party (profile, all[m].code), ==, in_county);
          covered += in_county;
        }
      g_assert_cmpuint (covered, ==, expected[i].n_municipalities);
    }

  /* Stockholm: 26 municipalities and Kommunalförbundet Sjukvård och omsorg i Norrtälje */
  g_assert_cmpuint (g_strv_length ((char **)plc_profile_get_party_names (plc_profile_set_lookup (set, "stockholm"))), ==, 27);
  g_assert_true (g_strv_contains (plc_profile_get_party_names (plc_profile_set_lookup (set, "stockholm")),
                                  "Kommunalförbundet Sjukvård och omsorg i Norrtälje"));

  /* Validity as DOMAIN.md section 5 gives it */
  g_assert_cmpuint (plc_profile_get_valid_from (plc_profile_set_lookup (set, "stockholm")), ==, plc_date_new (2022, 4, 1));
  g_assert_cmpuint (plc_profile_get_valid_to (plc_profile_set_lookup (set, "stockholm")), ==, PLC_DATE_NONE);
  g_assert_cmpuint (plc_profile_get_valid_from (plc_profile_set_lookup (set, "dalarna")), ==, plc_date_new (2022, 1, 1));
  g_assert_cmpuint (plc_profile_get_valid_to (plc_profile_set_lookup (set, "ostergotland")), ==, plc_date_new (2022, 12, 31));
  g_assert_cmpuint (plc_profile_get_valid_from (plc_profile_set_lookup (set, "jonkoping")), ==, plc_date_new (2015, 11, 30));

  /* Dalarna: Synergi labels; two ladders: local disputes (10.3, which
   * deviation reports climb) from local management to a general court,
   * and regional ones (10.2) with a month's notice and then in writing */
  {
    PlcProfile *dalarna = plc_profile_set_lookup (set, "dalarna");
    const PlcEscalationLevel *level;
    PlcOffset notice;

    g_assert_cmpstr (plc_profile_get_deviation_event_category (dalarna), ==,
                     "Samordnad vårdplanering");
    g_assert_cmpuint (plc_profile_get_n_escalation_levels (dalarna), ==, 4);
    g_assert_cmpstr (plc_escalation_level_get_body (plc_profile_get_escalation_level (dalarna, 3)), ==,
                     "General court");
    for (guint i = 0; i < 4; i++)
      {
        g_assert_false (plc_escalation_level_get_in_writing (plc_profile_get_escalation_level (dalarna, i)));
        g_assert_false (plc_escalation_level_get_notice (plc_profile_get_escalation_level (dalarna, i), NULL));
      }
    g_assert_cmpuint (plc_profile_get_n_dispute_ladders (dalarna), ==, 1);
    g_assert_cmpstr (plc_profile_get_dispute_ladder_section (dalarna, 0), ==, "10.2");
    g_assert_cmpuint (plc_profile_get_dispute_ladder_n_levels (dalarna, 0), ==, 2);
    level = plc_profile_get_dispute_ladder_level (dalarna, 0, 0);
    g_assert_true (plc_escalation_level_get_in_writing (level));
    g_assert_true (plc_escalation_level_get_notice (level, &notice));
    g_assert_cmpint (notice.amount, ==, 1);
    g_assert_cmpint (notice.unit, ==, PLC_OFFSET_UNIT_MONTHS);
    g_assert_cmpstr (plc_escalation_level_get_body (plc_profile_get_dispute_ladder_level (dalarna, 0, 1)), ==,
                     "The welfare council (Välfärdsrådet)");
  }

  /* Stockholm: the four steps of its ladder; no indicators of its own
   * (its section 9 only says statistics are provided on request) */
  g_assert_cmpuint (plc_profile_get_n_escalation_levels (plc_profile_set_lookup (set, "stockholm")), ==, 4);
  g_assert_cmpuint (plc_profile_get_n_indicators (plc_profile_set_lookup (set, "stockholm")), ==, 0);
  g_assert_cmpuint (plc_profile_get_n_dispute_ladders (plc_profile_set_lookup (set, "stockholm")), ==, 0);
  /* Östergötland's decision papers give no ladder */
  g_assert_cmpuint (plc_profile_get_n_escalation_levels (plc_profile_set_lookup (set, "ostergotland")), ==, 0);
  /* Dalarna 9.1 lists five indicators */
  g_assert_cmpuint (plc_profile_get_n_indicators (plc_profile_set_lookup (set, "dalarna")), ==, 5);
}

/* DOMAIN.md 4, "Counting time": lag (1930:173) 2 § moves the last day of
 * the periods the law sets for an action (N2-N9, N11, N16, and the LVU
 * 9 a § application that stands in for N4), not maximum lengths (N10,
 * N13, N15) nor agreement deadlines and local routines */
static void
test_statutory (void)
{
  static const char * const statutory[] = {
    "lvu-court-submission", "lvu-court-decision", "lvu-care-application",
    "lvu32-medical-exam", "lvu-continued-custody-application", "lvu-consider",
    "lvu-review", "sol-consider", "custody-transfer-consider", "care-plan-revision",
    "lvu-restriction-review", "lvu-moving-ban-submission", "lvu-moving-ban-application",
  };
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (NULL);
  g_autoptr(GPtrArray) profiles = plc_profile_set_list (set);
  guint n_statutory = 0;

  for (guint i = 0; i < profiles->len; i++)
    {
      PlcProfile *profile = g_ptr_array_index (profiles, i);

      for (guint j = 0; j < plc_profile_get_n_rules (profile); j++)
        {
          const PlcRule *rule = plc_profile_get_rule (profile, j);
          gboolean expected = g_strv_contains (statutory, plc_rule_get_id (rule));

          if (plc_rule_get_statutory (rule) != expected)
            g_error ("%s/%s: statutory is %d, expected %d", plc_profile_get_id (profile),
                     plc_rule_get_id (rule), plc_rule_get_statutory (rule), expected);
          n_statutory += expected;
        }
    }

  /* the baseline's 13, and Stockholm's and Dalarna's LVU 32 § */
  g_assert_cmpuint (n_statutory, ==, 15);
}

/* Every contract rule id is shipped in the baseline or a regional profile */
static void
test_contract_rule_ids (void)
{
  static const char * const ids[] = {
    "health-exam-notification", "health-exam", "health-exam-feedback",
    "lvu32-medical-exam", "asylum-health-exam", "sip-start", "sip-meeting",
    "sip-follow-up", "cost-split", "care-planning", "region-referral",
    "school-notification", "end-planning", "lvu-court-submission",
    "lvu-court-decision", "lvu-care-application", "lvu-consider", "lvu-review",
    "sol-consider", "custody-transfer-consider", "care-plan-revision", "jourhem-limit",
    "lvu-restriction-review", "child-visits", "aftercare-follow-up",
    /* issue 13 */
    "lvu-care-start-limit", "lvu-moving-ban-submission", "lvu-moving-ban-application",
    "lvu-continued-custody-application", "care-plan", "implementation-plan",
    "foster-home-agreement", "host-municipality-consultation", "hospital-discharge-sip",
    "undocumented-health-exam", "population-registration-change",
  };
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (plc_profile_set_find_rule (set, ids[i]) == NULL)
        g_error ("no shipped profile has the rule “%s”", ids[i]);
    }
}

static char *
write_profile (const char *dir,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
with_version (const char *id,
              const char *version)
{
  g_autofree char *step = mutate ("version", version);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *quoted = g_strdup_printf ("%s", id);

  g_assert_true (json_parser_load_from_data (parser, step, -1, NULL));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "id", quoted);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* An imported profile is in force only when it is newer */
static void
test_import (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("plc-profile-XXXXXX", NULL);
  g_autofree char *user_dir = g_build_filename (tmp, "user", NULL);
  g_autofree char *shipped_dir = plc_profile_set_dup_shipped_dir ();
  g_autoptr(PlcProfileSet) set = plc_profile_set_new ();
  g_autoptr(PlcProfileSet) reloaded = plc_profile_set_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = with_version ("dalarna", "\"2021.9\"");
  g_autofree char *new_text = NULL;
  g_autofree char *old_path = write_profile (tmp, "old.json", old_text);
  g_autofree char *new_path = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *target = NULL;
  PlcProfile *imported;

  g_assert_true (plc_profile_set_load_dirs (set, shipped_dir, user_dir, &error));
  g_assert_no_error (error);

  /* Older than the shipped Dalarna (2022.2): refused, nothing written */
  imported = plc_profile_set_import_file (set, old_path, user_dir, &error);
  g_assert_null (imported);
  g_assert_error (error, PLC_ERROR, PLC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not newer"));
  g_clear_error (&error);
  target = g_build_filename (user_dir, "dalarna.json", NULL);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (plc_profile_get_version (plc_profile_set_lookup (set, "dalarna")), ==, "2022.2");

  /* Newer: copied and in force, and still after a reload */
  new_text = with_version ("dalarna", "\"2025.1\"");
  new_path = write_profile (tmp, "new.json", new_text);
  imported = plc_profile_set_import_file (set, new_path, user_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpstr (plc_profile_get_version (plc_profile_set_lookup (set, "dalarna")), ==, "2025.1");
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (plc_profile_get_shipped (imported));

  /* A broken file in the user's folder is reported, not fatal */
  broken_path = write_profile (user_dir, "broken.json", "{");
  g_assert_true (plc_profile_set_load_dirs (reloaded, shipped_dir, user_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plc_profile_get_version (plc_profile_set_lookup (reloaded, "dalarna")), ==, "2025.1");
  g_assert_nonnull (plc_profile_set_get_problems (reloaded)[0]);
  g_assert_nonnull (strstr (plc_profile_set_get_problems (reloaded)[0], "broken.json"));

  g_unlink (broken_path);
  g_unlink (target);
  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (user_dir);
  g_rmdir (tmp);
}

/* Which regional profile is in force for a municipality on a date */
static void
test_find_regional (void)
{
  g_autoptr(PlcProfileSet) set = plc_profile_set_load_default (NULL);
  PlcProfile *nearest = NULL;

  /* Falun in Dalarna: in force on the last day, 2025-01-01, not after */
  g_assert_cmpstr (plc_profile_get_id (plc_profile_set_find_regional (set, "2080", plc_date_new (2025, 1, 1), NULL)), ==, "dalarna");
  g_assert_null (plc_profile_set_find_regional (set, "2080", plc_date_new (2025, 1, 2), &nearest));
  g_assert_cmpstr (plc_profile_get_id (nearest), ==, "dalarna");
  /* Before Stockholm's came into force */
  g_assert_null (plc_profile_set_find_regional (set, "0180", plc_date_new (2022, 3, 31), &nearest));
  g_assert_cmpstr (plc_profile_get_id (nearest), ==, "stockholm");
  /* Norrtälje through the kommunalförbund */
  g_assert_nonnull (plc_profile_set_find_regional (set, "0188", plc_date_new (2026, 1, 1), NULL));
  /* Uppsala has none */
  g_assert_null (plc_profile_set_find_regional (set, "0380", plc_date_new (2026, 1, 1), &nearest));
  g_assert_null (nearest);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/base-loads", test_base_loads);
  g_test_add_func ("/profile/new-members", test_new_members);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/profile/refuses/%s", refusals[i].name);

      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  g_test_add_func ("/profile/disjoint-duplicates", test_disjoint_duplicates);
  g_test_add_func ("/profile/not-utf8", test_not_utf8);
  g_test_add_func ("/profile/hostile-text", test_hostile_text);
  g_test_add_func ("/profile/versions", test_versions);
  g_test_add_func ("/profile/shipped", test_shipped);
  g_test_add_func ("/profile/contract-rule-ids", test_contract_rule_ids);
  g_test_add_func ("/profile/statutory (lag 1930:173 2 §)", test_statutory);
  g_test_add_func ("/profile/import", test_import);
  g_test_add_func ("/profile/find-regional", test_find_regional);

  return g_test_run ();
}
