namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>AACT's convenience views (AACT.md §9), each <c>array_to_string(array_agg(…), '|')</c> grouped by nct_id.</summary>
public static class AactListViews
{
    public static IReadOnlyList<AactListView> All { get; } =
    [
        new("all_browse_conditions", "browse_conditions", "mesh_term", Distinct: true),
        new("all_browse_interventions", "browse_interventions", "mesh_term", Distinct: false),
        new("all_cities", "facilities", "city", Distinct: true),
        new("all_conditions", "conditions", "name", Distinct: true),
        new("all_countries", "countries", "name", Distinct: true, Filter: "removed IS NOT TRUE"),
        new("all_design_outcomes", "design_outcomes", "measure", Distinct: true),
        new("all_facilities", "facilities", "name", Distinct: false),
        new("all_group_types", "design_groups", "group_type", Distinct: true),
        new("all_id_information", "id_information", "id_value", Distinct: true),
        new("all_intervention_types", "interventions", "intervention_type", Distinct: false),
        new("all_interventions", "interventions", "name", Distinct: false),
        new("all_keywords", "keywords", "name", Distinct: true),
        new("all_overall_official_affiliations", "overall_officials", "affiliation", Distinct: false),
        new("all_overall_officials", "overall_officials", "name", Distinct: false),
        new("all_primary_outcome_measures", "design_outcomes", "measure", Distinct: true, Filter: "outcome_type = 'primary'"),
        new("all_secondary_outcome_measures", "design_outcomes", "measure", Distinct: true, Filter: "outcome_type = 'secondary'"),
        new("all_sponsors", "sponsors", "name", Distinct: true),
        new("all_states", "facilities", "state", Distinct: true),
    ];
}
