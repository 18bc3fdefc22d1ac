-- AACT-style queries (unqualified names, as AACT clients write them), one per line, for bench/aact/measure.sh.
SELECT f.country, count(DISTINCT s.nct_id) FROM studies s JOIN facilities f ON f.nct_id = s.nct_id WHERE s.overall_status = 'RECRUITING' AND s.phase LIKE '%PHASE3%' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
SELECT count(*), avg(cv.number_of_facilities) FROM studies s JOIN calculated_values cv ON cv.nct_id = s.nct_id WHERE s.start_date >= '2015-01-01' AND cv.were_results_reported;
SELECT count(DISTINCT c.nct_id) FROM conditions c WHERE c.downcase_name LIKE '%cancer%';
SELECT count(*), avg(m.param_value_num) FROM outcomes o JOIN outcome_measurements m ON m.outcome_id = o.id JOIN result_groups g ON g.id = m.result_group_id WHERE o.outcome_type = 'PRIMARY' AND m.param_type = 'MEAN';
SELECT e.adverse_event_term, sum(e.subjects_affected) FROM reported_events e WHERE e.event_type = 'serious' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
SELECT sp.name, count(*) FROM sponsors sp WHERE sp.lead_or_collaborator = 'lead' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
SELECT s.nct_id, s.brief_title, e.criteria, d.allocation FROM studies s JOIN eligibilities e ON e.nct_id = s.nct_id JOIN designs d ON d.nct_id = s.nct_id WHERE s.nct_id = (SELECT max(nct_id) FROM studies);
SELECT f.name, count(fc.id) FROM facilities f JOIN facility_contacts fc ON fc.facility_id = f.id WHERE f.country = 'United States' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
SELECT i.intervention_type, count(*) FROM interventions i JOIN design_group_interventions dgi ON dgi.intervention_id = i.id JOIN design_groups g ON g.id = dgi.design_group_id GROUP BY 1;
SELECT registered_in_calendar_year, avg(actual_duration), avg(number_of_sae_subjects) FROM calculated_values GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM studies s JOIN all_conditions ac ON ac.nct_id = s.nct_id WHERE s.overall_status = 'COMPLETED' AND ac.names ILIKE '%diabetes%';
SELECT count(*) FROM eligibilities WHERE gender = 'ALL' AND adult AND NOT child;
SELECT count(*) FROM outcome_analyses a JOIN outcomes o ON o.id = a.outcome_id WHERE a.p_value < 0.05 AND o.outcome_type = 'PRIMARY';
SELECT b.title, avg(b.param_value_num) FROM baseline_measurements b WHERE b.title ILIKE 'age%' AND b.param_type = 'MEAN' GROUP BY 1 ORDER BY 2 LIMIT 5;
SELECT m.title, g.title, m.param_value FROM outcome_measurements m JOIN result_groups g ON g.id = m.result_group_id WHERE m.nct_id = (SELECT max(nct_id) FROM outcomes);
SELECT count(*) FROM studies s NATURAL JOIN facilities WHERE s.overall_status = 'COMPLETED';
