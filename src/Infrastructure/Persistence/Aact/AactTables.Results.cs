using static Clinical.Infrastructure.Persistence.Aact.AactSql;

namespace Clinical.Infrastructure.Persistence.Aact;

public static partial class AactTables
{
    /// <summary>The tables of the results section (result_groups to reported_event_totals). A declarative description: this file may exceed the usual length.</summary>
    private static AactTable[] ResultTables() =>
    [
        Table("result_groups", "each group of the four results modules (an outcome's groups once per outcome)",
            "(SELECT nct_id, 0 AS kind, 0 AS measure_ord, id AS code, 'Baseline' AS result_type, title, description FROM {n}.baseline_groups " +
            "UNION ALL SELECT nct_id, 1, 0, id, 'Participant Flow', title, description FROM {n}.flow_groups " +
            "UNION ALL SELECT nct_id, 2, measure_ord, id, 'Outcome', title, description FROM {n}.outcome_groups " +
            "UNION ALL SELECT nct_id, 3, 0, id, 'Reported Event', title, description FROM {n}.event_groups) x",
            IdColumn(Id("x.nct_id", ("x.kind", 2), ("x.measure_ord", 14), (GroupNumber("x.code"), 20))), Nct("x"),
            C("ctgov_group_code", V, "x.code"),
            C("result_type", V, "x.result_type", "'Baseline', 'Participant Flow', 'Outcome' or 'Reported Event'"),
            C("title", V, "x.title"),
            C("description", T, "x.description")),

        Table("baseline_counts", "each baseline denoms[].counts[] element",
            "{n}.baseline_denom_counts x JOIN {n}.baseline_denoms d ON d.nct_id = x.nct_id AND d.denom_ord = x.denom_ord",
            IdColumn(Id("x.nct_id", ("x.denom_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Baseline, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("units", V, "d.units"),
            C("scope", V, "'overall'"),
            C("count", I, Int("x.value_number"))),

        Table("baseline_measurements", "each baseline measures[].classes[].categories[].measurements[] element",
            "{n}.baseline_measurements x JOIN {n}.baseline_measures m ON m.nct_id = x.nct_id AND m.measure_ord = x.measure_ord " +
            "LEFT JOIN {n}.baseline_classes c ON c.nct_id = x.nct_id AND c.measure_ord = x.measure_ord AND c.class_ord = x.class_ord " +
            "LEFT JOIN {n}.baseline_categories g ON g.nct_id = x.nct_id AND g.measure_ord = x.measure_ord AND g.class_ord = x.class_ord AND g.category_ord = x.category_ord " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units) k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_class_denom_counts k JOIN {n}.baseline_class_denoms u ON u.nct_id = k.nct_id AND u.measure_ord = k.measure_ord AND u.class_ord = k.class_ord AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units, k.denom_ord) cd " +
            "ON cd.nct_id = x.nct_id AND cd.measure_ord = x.measure_ord AND cd.class_ord = x.class_ord AND cd.group_id = x.group_id AND cd.units = coalesce(m.denom_units_selected, 'Participants') " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.measure_ord, k.group_id, u.units) k.nct_id, k.measure_ord, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_measure_denom_counts k JOIN {n}.baseline_measure_denoms u ON u.nct_id = k.nct_id AND u.measure_ord = k.measure_ord AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.measure_ord, k.group_id, u.units, k.denom_ord) md " +
            "ON md.nct_id = x.nct_id AND md.measure_ord = x.measure_ord AND md.group_id = x.group_id AND md.units = coalesce(m.denom_units_selected, 'Participants') " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.group_id, u.units) k.nct_id, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_denom_counts k JOIN {n}.baseline_denoms u ON u.nct_id = k.nct_id AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.group_id, u.units, k.denom_ord) bd " +
            "ON bd.nct_id = x.nct_id AND bd.group_id = x.group_id AND bd.units = coalesce(m.denom_units_selected, 'Participants')",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 9), ("x.class_ord", 9), ("x.category_ord", 9), ("x.ord", 9))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Baseline, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("classification", V, "c.title"),
            C("category", V, "g.title"),
            C("title", V, "m.title"),
            C("description", T, "m.description"),
            C("units", V, "m.unit_of_measure"),
            C("param_type", V, "m.param_type"),
            C("param_value", V, "x.value"),
            C("param_value_num", N, "x.value_number"),
            C("dispersion_type", V, "m.dispersion_type"),
            C("dispersion_value", V, "x.spread"),
            C("dispersion_value_num", N, "x.spread_number"),
            C("dispersion_lower_limit", N, "x.lower_limit_number"),
            C("dispersion_upper_limit", N, "x.upper_limit_number"),
            C("explanation_of_na", V, "x.comment"),
            C("number_analyzed", I, Int("coalesce(cd.value_number, md.value_number, bd.value_number)"),
                "the class's denominator, else the measure's, else the module's, in the selected units (AACT's rule)"),
            C("number_analyzed_units", V, "coalesce(m.denom_units_selected, 'Participants')"),
            C("population_description", V, "m.population_description"),
            C("calculate_percentage", V, YesNo("m.calculate_pct"), "'Yes'/'No'")),

        Table("milestones", "each participant-flow periods[].milestones[].achievements[] element",
            "{n}.flow_milestone_counts x JOIN {n}.flow_milestones m ON m.nct_id = x.nct_id AND m.period_ord = x.period_ord AND m.milestone_ord = x.milestone_ord " +
            "JOIN {n}.flow_periods p ON p.nct_id = x.nct_id AND p.period_ord = x.period_ord",
            IdColumn(Id("x.nct_id", ("x.period_ord", 12), ("x.milestone_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ParticipantFlow, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("title", V, "m.type"),
            C("period", V, "p.title"),
            C("description", T, "x.comment", "deliberately not AACT's: AACT reads achievements[].description, which v2 does not have, so its column is always empty; we give the achievement's comment"),
            C("count", I, Int("x.num_subjects_number")),
            C("milestone_description", V, "m.comment"),
            C("count_units", V, "x.num_units")),

        Table("drop_withdrawals", "each participant-flow periods[].dropWithdraws[].reasons[] element",
            "{n}.flow_drop_withdraw_counts x JOIN {n}.flow_drop_withdraws w ON w.nct_id = x.nct_id AND w.period_ord = x.period_ord AND w.drop_withdraw_ord = x.drop_withdraw_ord " +
            "JOIN {n}.flow_periods p ON p.nct_id = x.nct_id AND p.period_ord = x.period_ord",
            IdColumn(Id("x.nct_id", ("x.period_ord", 12), ("x.drop_withdraw_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ParticipantFlow, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("period", V, "p.title"),
            C("reason", V, "w.type"),
            C("count", I, Int("x.num_subjects_number")),
            C("drop_withdraw_comment", V, "w.comment"),
            C("reason_comment", V, "x.comment"),
            C("count_units", I, Int("x.num_units_number"))),

        Table("outcomes", "each outcomeMeasures[] element", "{n}.outcome_measures x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 36))), Nct("x"),
            C("outcome_type", V, "x.type"),
            C("title", T, "x.title"),
            C("description", T, "x.description"),
            C("time_frame", T, "x.time_frame"),
            C("population", T, "x.population_description"),
            C("anticipated_posting_date", D, "x.anticipated_posting_date", "the first of the month (AACT's rule for this date)"),
            C("anticipated_posting_month_year", V, "x.anticipated_posting_date_raw"),
            C("units", V, "x.unit_of_measure"),
            C("units_analyzed", V, "x.type_units_analyzed"),
            C("dispersion_type", V, "x.dispersion_type"),
            C("param_type", V, "x.param_type")),

        Table("outcome_counts", "each outcome denoms[].counts[] element",
            "{n}.outcome_denom_counts x JOIN {n}.outcome_denoms d ON d.nct_id = x.nct_id AND d.measure_ord = x.measure_ord AND d.denom_ord = x.denom_ord",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 12), ("x.denom_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id"),
            C("scope", V, "'Measure'"),
            C("units", V, "d.units"),
            C("count", I, Int("x.value_number"))),

        Table("outcome_measurements", "each outcome classes[].categories[].measurements[] element",
            "{n}.outcome_measurements x JOIN {n}.outcome_measures m ON m.nct_id = x.nct_id AND m.measure_ord = x.measure_ord " +
            "LEFT JOIN {n}.outcome_classes c ON c.nct_id = x.nct_id AND c.measure_ord = x.measure_ord AND c.class_ord = x.class_ord " +
            "LEFT JOIN {n}.outcome_categories g ON g.nct_id = x.nct_id AND g.measure_ord = x.measure_ord AND g.class_ord = x.class_ord AND g.category_ord = x.category_ord",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 9), ("x.class_ord", 9), ("x.category_ord", 9), ("x.ord", 9))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id"),
            C("classification", V, "c.title"),
            C("category", V, "g.title"),
            C("title", V, "m.title"),
            C("description", T, "m.description"),
            C("units", V, "m.unit_of_measure"),
            C("param_type", V, "m.param_type"),
            C("param_value", V, "x.value"),
            C("param_value_num", N, "x.value_number"),
            C("dispersion_type", V, "m.dispersion_type"),
            C("dispersion_value", V, "x.spread"),
            C("dispersion_value_num", N, "x.spread_number"),
            C("dispersion_lower_limit", N, "x.lower_limit_number"),
            C("dispersion_upper_limit", N, "x.upper_limit_number"),
            C("explanation_of_na", T, "x.comment"),
            C("dispersion_upper_limit_raw", V, "x.upper_limit"),
            C("dispersion_lower_limit_raw", V, "x.lower_limit")),

        Table("outcome_analyses", "each outcomeMeasures[].analyses[] element", "{n}.outcome_analyses x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 18), ("x.analysis_ord", 18))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            C("non_inferiority_type", V, "x.non_inferiority_type"),
            C("non_inferiority_description", T, "x.non_inferiority_comment"),
            C("param_type", V, "x.param_type"),
            C("param_value", N, "x.param_value_number"),
            C("dispersion_type", V, "x.dispersion_type"),
            C("dispersion_value", N, "x.dispersion_value_number"),
            C("p_value_modifier", V, "x.p_value_qualifier", "the comparison before the number ('<', '<=', '>' …)"),
            C("p_value", "double precision", "x.p_value_number::double precision"),
            C("ci_n_sides", V, "x.ci_num_sides"),
            C("ci_percent", N, "x.ci_pct_value_number"),
            C("ci_lower_limit", N, "x.ci_lower_limit_number"),
            C("ci_upper_limit", N, "x.ci_upper_limit_number"),
            C("ci_upper_limit_na_comment", V, "x.ci_upper_limit_comment"),
            C("p_value_description", V, "x.p_value_comment"),
            C("method", V, "x.statistical_method"),
            C("method_description", T, "x.statistical_comment"),
            C("estimate_description", T, "x.estimate_comment"),
            C("groups_description", T, "x.group_description"),
            C("other_analysis_description", T, "x.other_analysis_description"),
            C("ci_upper_limit_raw", V, "x.ci_upper_limit"),
            C("ci_lower_limit_raw", V, "x.ci_lower_limit"),
            C("p_value_raw", V, "x.p_value")),

        Table("outcome_analysis_groups", "each analyses[].groupIds[] element", "{n}.outcome_analysis_groups x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 12), ("x.analysis_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("outcome_analysis_id", Id("x.nct_id", ("x.measure_ord", 18), ("x.analysis_ord", 18))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id")),

        Table("reported_events", "each adverse event's stats[] element (serious and other)",
            "{n}.adverse_event_counts x JOIN {n}.adverse_events e ON e.nct_id = x.nct_id AND e.event_type = x.event_type AND e.event_ord = x.event_ord " +
            "JOIN {n}.studies s ON s.nct_id = x.nct_id",
            IdColumn(Id("x.nct_id", ("CASE x.event_type WHEN 'SERIOUS' THEN 0 ELSE 1 END", 1), ("x.event_ord", 23), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ReportedEvent, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("time_frame", T, "s.adverse_events_time_frame"),
            C("event_type", V, "lower(x.event_type)", "'serious' or 'other'"),
            Null("default_vocab", V),
            Null("default_assessment", V),
            C("subjects_affected", I, "x.num_affected"),
            C("subjects_at_risk", I, "x.num_at_risk"),
            C("description", T, "s.adverse_events_description"),
            C("event_count", I, "x.num_events"),
            C("organ_system", V, "e.organ_system"),
            C("adverse_event_term", V, "e.term"),
            C("frequency_threshold", I, Int("s.adverse_events_frequency_threshold_number"), "the threshold rounded to an integer (AACT's type); the exact value is in the native studies table"),
            C("vocab", V, "e.source_vocabulary"),
            C("assessment", V, "e.assessment_type")),

        Table("reported_event_totals", "three per adverse-event group: deaths, serious, other",
            "{n}.event_groups x JOIN {n}.studies s ON s.nct_id = x.nct_id CROSS JOIN (VALUES (0, 'deaths', 'Total, all-cause mortality'), (1, 'serious', 'Total, serious adverse events'), (2, 'other', 'Total, other adverse events')) k(kind, event_type, classification)",
            IdColumn(Id("x.nct_id", ("k.kind", 2), ("x.ord", 34))), Nct("x"),
            C("ctgov_group_code", V, "x.id"),
            C("event_type", V, "k.event_type"),
            C("classification", V, "k.classification"),
            C("subjects_affected", I, "CASE k.kind WHEN 0 THEN x.deaths_num_affected WHEN 1 THEN x.serious_num_affected ELSE x.other_num_affected END"),
            C("subjects_at_risk", I, "CASE k.kind WHEN 0 THEN x.deaths_num_at_risk WHEN 1 THEN x.serious_num_at_risk ELSE x.other_num_at_risk END"),
            C("created_at", Ts, "s.imported_at", "the study's import time (as studies.created_at, so a NATURAL JOIN with studies matches)"),
            C("updated_at", Ts, "s.imported_at", "as created_at")),
    ];
}
