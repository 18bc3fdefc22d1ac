using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clinical.Infrastructure.Sample;

/// <summary>
/// Deterministic generator of synthetic, spec-conformant ClinicalTrials.gov API v2 study records, used for the demo
/// sample and for scale tests. Every value is invented (no real registry record is copied); the shapes, enum values,
/// date formats and quirks follow the official data model (<c>/api/v2/studies/metadata</c>) and the real downloads:
/// result numbers are strings ("20,200", ".17", "NA"), absent means unknown (no null, no empty string or array).
/// </summary>
/// <remarks>
/// Study <c>index</c> always gives the same bytes for the same seed: each study draws from its own
/// <see cref="Random"/> seeded from (seed, index). Study 0 is a "kitchen sink" record that carries every path of the
/// data model (so it is not always semantically consistent, e.g. it has both interventional and observational design
/// fields); the others omit optional modules and fields at random. NCT ids are <c>NCT9</c> + the index on 7 digits.
/// </remarks>
/// <param name="seed">Seed of the whole sample.</param>
public sealed class SyntheticStudyGenerator(int seed = SyntheticStudyGenerator.DefaultSeed)
{
    /// <summary>Seed used when none is given.</summary>
    public const int DefaultSeed = 20261126;

    /// <summary>Largest number of studies one sample can hold (NCT ids NCT90000000..NCT99999998).</summary>
    public const int MaxCount = 9_999_999;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The seed of this generator.</summary>
    public int Seed => seed;

    /// <summary>The NCT id of study number <paramref name="index"/>: "NCT9" + the index padded to 7 digits.</summary>
    public static string NctIdFor(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxCount);
        return "NCT9" + index.ToString("D7", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes study number <paramref name="index"/> as one JSON object.</summary>
    public void WriteStudy(Utf8JsonWriter writer, int index)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var nctId = NctIdFor(index);
        var random = new Random(StudySeed(seed, index));
        new StudyWriter(writer, random, index == 0, nctId).Write();
    }

    /// <summary>
    /// Writes <paramref name="count"/> studies in the shape of the website's "Download → JSON": line 1 is <c>[</c>,
    /// then one compact study per line followed by <c>,</c> (except the last), then <c>]</c> and a final newline.
    /// UTF-8 without BOM, LF line ends, non-ASCII emitted raw. Memory use does not depend on <paramref name="count"/>.
    /// </summary>
    public void WriteArray(Stream output, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);

        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        output.Write("[\n"u8);
        for (var index = 0; index < count; index++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WriteStudy(writer, index);
            }

            output.Write(buffer.WrittenSpan);
            output.Write(index < count - 1 ? ",\n"u8 : "\n"u8);
        }

        output.Write("]\n"u8);
    }

    /// <summary>
    /// Mixes (seed, index) with the SplitMix64 finalizer: <c>new Random(n)</c> and <c>new Random(n + 1)</c> start
    /// with strongly correlated values, so consecutive indexes must not get consecutive seeds.
    /// </summary>
    private static int StudySeed(int seed, int index)
    {
        unchecked
        {
            var z = (((ulong)(uint)seed << 32) | (uint)index) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & int.MaxValue);
        }
    }

    /// <summary>Writes one study; holds the per-study plan (design, dates, arms, group sizes) and its random stream.</summary>
    private sealed class StudyWriter
    {
        private const string Interventional = "INTERVENTIONAL";
        private const string Observational = "OBSERVATIONAL";
        private const string ExpandedAccess = "EXPANDED_ACCESS";

        /// <summary>Data snapshot date of the whole sample (derivedSection.miscInfoModule.versionHolder).</summary>
        private static readonly DateOnly Snapshot = new(2026, 11, 20);

        private readonly Utf8JsonWriter _w;
        private readonly Random _rng;
        private readonly bool _all;
        private readonly string _nctId;
        private readonly Theme _theme;
        private readonly Organization _sponsor;
        private readonly string _studyType;
        private readonly bool _hasResults;
        private readonly StudyDates _dates;
        private readonly string _status;
        private readonly List<Arm> _arms;
        private readonly List<Intervention> _interventions;
        private readonly List<PlannedOutcome> _outcomes;
        private readonly int[] _started;
        private readonly int _enrollment;

        public StudyWriter(Utf8JsonWriter writer, Random random, bool kitchenSink, string nctId)
        {
            _w = writer;
            _rng = random;
            _all = kitchenSink;
            _nctId = nctId;
            _theme = _all ? Catalog.Themes[0] : Pick(Catalog.Themes);
            _sponsor = Pick(Catalog.Organizations);
            _studyType = _all ? Interventional : Weighted((Interventional, 72), (Observational, 24), (ExpandedAccess, 4));
            _hasResults = _all || (_studyType != ExpandedAccess && _rng.NextDouble() < 0.26);
            _dates = PlanDates();
            _status = PlanStatus();
            (_arms, _interventions) = _studyType switch
            {
                Interventional => PlanInterventionalArms(),
                Observational => PlanCohorts(),
                _ => (new List<Arm>(), new List<Intervention> { new(_theme.DrugType, _theme.Drug, _theme.DrugDescription, []) }),
            };
            _outcomes = PlanOutcomes();
            _started = _hasResults ? _arms.Select(_ => Between(12, 240)).ToArray() : [];
            _enrollment = PlanEnrollment();
        }

        public void Write()
        {
            _w.WriteStartObject();
            WriteProtocolSection();
            if (_hasResults)
            {
                WriteResultsSection();
            }

            if (Has(_hasResults ? 0.45 : 0.03))
            {
                WriteDocumentSection();
            }

            if (Has(0.03))
            {
                WriteAnnotationSection();
            }

            WriteDerivedSection();
            _w.WriteBoolean("hasResults", _hasResults);
            _w.WriteEndObject();
        }

        // ---------------------------------------------------------------- planning

        private StudyDates PlanDates()
        {
            var latestSubmit = _hasResults ? new DateOnly(2020, 6, 30) : new DateOnly(2026, 9, 30);
            var firstSubmit = SkewedRecentDate(new DateOnly(2000, 1, 3), latestSubmit);
            var firstQc = Chance(0.3) ? firstSubmit : firstSubmit.AddDays(Between(1, 45));
            var firstPost = firstQc.AddDays(Between(1, 4));
            var start = firstSubmit.AddDays(Between(-420, 150));
            var primary = start.AddDays(Between(120, 1400));
            var completion = Chance(0.3) ? primary : primary.AddDays(Between(20, 480));

            DateOnly? resultsSubmit = null, resultsQc = null, resultsPost = null;
            if (_hasResults)
            {
                var submit = Max(completion.AddDays(Between(30, 330)), firstPost.AddDays(60));
                submit = Min(submit, Snapshot.AddDays(-120));
                resultsSubmit = submit;
                resultsQc = Chance(0.4) ? submit : submit.AddDays(Between(10, 90));
                resultsPost = resultsQc.Value.AddDays(Between(1, 4));
            }

            DateOnly? dispSubmit = null;
            if (Has(0.04))
            {
                var candidate = Max(primary.AddDays(Between(250, 360)), firstPost.AddDays(30));
                if (resultsSubmit is { } rs && candidate >= rs)
                {
                    candidate = Max(firstPost.AddDays(1), rs.AddDays(-Between(60, 200)));
                }

                dispSubmit = candidate <= Snapshot.AddDays(-30) ? candidate : null;
            }

            return new StudyDates(firstSubmit, firstQc, firstPost, start, primary, completion,
                resultsSubmit, resultsQc, resultsPost, dispSubmit,
                MonthPrecision: Chance(0.22), StartTypeMissing: !_all && Chance(firstSubmit.Year < 2010 ? 0.35 : 0.02));
        }

        private string PlanStatus()
        {
            if (_studyType == ExpandedAccess)
            {
                return Pick(Catalog.ExpandedAccessStatuses);
            }

            if (_all)
            {
                return "TERMINATED";
            }

            if (_hasResults)
            {
                return Weighted(("COMPLETED", 80), ("TERMINATED", 15), ("ACTIVE_NOT_RECRUITING", 5));
            }

            if (_dates.Start > Snapshot)
            {
                return Weighted(("NOT_YET_RECRUITING", 85), ("WITHDRAWN", 15));
            }

            return _dates.Completion < Snapshot
                ? Weighted(("COMPLETED", 58), ("UNKNOWN", 20), ("TERMINATED", 13), ("WITHDRAWN", 7), ("SUSPENDED", 2))
                : Weighted(("RECRUITING", 48), ("ACTIVE_NOT_RECRUITING", 20), ("ENROLLING_BY_INVITATION", 8),
                    ("NOT_YET_RECRUITING", 6), ("UNKNOWN", 14), ("SUSPENDED", 4));
        }

        private (List<Arm> Arms, List<Intervention> Interventions) PlanInterventionalArms()
        {
            var arms = new List<Arm>();
            var interventions = new List<Intervention>
            {
                new(_theme.DrugType, _theme.Drug, _theme.DrugDescription, Has(0.3) ? [_theme.DrugCode] : []),
            };
            var armCount = _all ? 3 : Weighted((1, 28), (2, 45), (3, 18), (4, 9));
            var experimentalArms = armCount == 1 ? 1 : Math.Max(1, armCount - 1);
            var doses = _theme.Doses.Length == 0 ? [0] : _theme.Doses;
            var firstDose = _rng.Next(Math.Max(1, doses.Length - experimentalArms + 1));
            for (var i = 0; i < experimentalArms; i++)
            {
                var dose = doses[Math.Min(doses.Length - 1, firstDose + i)];
                var label = dose == 0 || experimentalArms == 1 && Chance(0.4)
                    ? (i == 0 ? _theme.Drug : $"{_theme.Drug} (Cohort {i + 1})")
                    : $"{_theme.Drug} {dose} {_theme.DoseUnit}";
                var description = dose == 0
                    ? $"Participants receive {_theme.Drug} as described in the protocol for 12 weeks."
                    : $"Participants receive {_theme.Drug} {dose} {_theme.DoseUnit} {_theme.Schedule} for 12 weeks.";
                arms.Add(new Arm(label, "EXPERIMENTAL", description, [0]));
            }

            if (armCount > 1)
            {
                var comparator = _all ? "PLACEBO_COMPARATOR" : Weighted(("PLACEBO_COMPARATOR", 45), ("ACTIVE_COMPARATOR", 30),
                    ("NO_INTERVENTION", 10), ("SHAM_COMPARATOR", 8), ("OTHER", 7));
                arms.Add(PlanComparatorArm(comparator, interventions));
            }

            if (_all)
            {
                interventions.Add(new Intervention("OTHER", "Standard of Care", "Background therapy according to local guidelines.", ["Usual care"]));
                foreach (var arm in arms)
                {
                    arm.InterventionIndexes.Add(interventions.Count - 1);
                }
            }

            return (arms, interventions);
        }

        private Arm PlanComparatorArm(string armType, List<Intervention> interventions)
        {
            switch (armType)
            {
                case "PLACEBO_COMPARATOR":
                    interventions.Add(new Intervention(_theme.DrugType is "DRUG" or "BIOLOGICAL" ? _theme.DrugType : "OTHER",
                        "Placebo", $"Matching placebo {_theme.Schedule}.", Has(0.2) ? ["Vehicle"] : []));
                    return new Arm("Placebo", armType, $"Participants receive placebo matching {_theme.Drug} {_theme.Schedule} for 12 weeks.", [interventions.Count - 1]);
                case "ACTIVE_COMPARATOR":
                    interventions.Add(new Intervention(_theme.ComparatorType, _theme.Comparator,
                        $"{_theme.Comparator} at the approved dose, as active control.", []));
                    return new Arm(_theme.Comparator, armType, $"Participants receive {_theme.Comparator} as active comparator.", [interventions.Count - 1]);
                case "SHAM_COMPARATOR":
                    interventions.Add(new Intervention("DEVICE", "Sham Procedure", "Identical procedure without active treatment.", []));
                    return new Arm("Sham", armType, "Participants undergo a sham procedure that mimics the active intervention.", [interventions.Count - 1]);
                case "NO_INTERVENTION":
                    return new Arm("Usual Care", armType, "Participants continue their usual care without study intervention.", []);
                default:
                    interventions.Add(new Intervention("BEHAVIORAL", "Health Education Sessions", "Four group sessions on healthy lifestyle, 60 minutes each.", []));
                    return new Arm("Health Education", armType, "Attention-matched control receiving health education sessions.", [interventions.Count - 1]);
            }
        }

        private (List<Arm> Arms, List<Intervention> Interventions) PlanCohorts()
        {
            var interventions = new List<Intervention>();
            if (Chance(0.6))
            {
                var (type, name, description) = Pick(Catalog.ObservationalInterventions);
                interventions.Add(new Intervention(type, name, description, []));
            }

            var uses = interventions.Count == 0 ? new List<int>() : [0];
            var arms = new List<Arm>
            {
                new($"Participants With {_theme.Conditions[0]}", null, $"Consecutive {_theme.Population} seen at participating sites.", [.. uses]),
            };
            if (Chance(0.5))
            {
                arms.Add(new Arm("Healthy Controls", null, "Age- and sex-matched volunteers without the condition.", [.. uses]));
            }

            return (arms, interventions);
        }

        private List<PlannedOutcome> PlanOutcomes()
        {
            var pool = _theme.Outcomes.Concat(Catalog.GenericOutcomes).ToList();
            Shuffle(pool, specificFirst: _theme.Outcomes.Length);
            var primaryCount = _all ? 2 : Weighted((1, 75), (2, 20), (3, 5));
            var secondaryCount = _all ? 3 : Weighted((0, 15), (1, 15), (2, 20), (3, 20), (4, 15), (5, 15));
            var otherCount = _all ? 1 : (Chance(0.1) ? 1 : 0);
            var outcomes = new List<PlannedOutcome>();
            var next = 0;
            void Take(string type, int count)
            {
                for (var i = 0; i < count && next < pool.Count; i++)
                {
                    outcomes.Add(new PlannedOutcome(type, pool[next++]));
                }
            }

            Take("PRIMARY", primaryCount);
            Take("SECONDARY", secondaryCount);
            Take("OTHER_PRE_SPECIFIED", otherCount);
            return outcomes;
        }

        private int PlanEnrollment()
        {
            if (_hasResults)
            {
                return _started.Sum();
            }

            return _status == "WITHDRAWN" ? 0 : (int)Math.Round(Math.Exp(2.5 + (_rng.NextDouble() * 5.3)));
        }

        // ---------------------------------------------------------------- protocolSection

        private void WriteProtocolSection()
        {
            _w.WriteStartObject("protocolSection");
            WriteIdentificationModule();
            WriteStatusModule();
            WriteSponsorCollaboratorsModule();
            WriteOversightModule();
            WriteDescriptionModule();
            WriteConditionsModule();
            WriteDesignModule();
            if (_arms.Count > 0 || _interventions.Count > 0)
            {
                WriteArmsInterventionsModule();
            }

            if (_outcomes.Count > 0 && _studyType != ExpandedAccess)
            {
                WriteOutcomesModule();
            }

            WriteEligibilityModule();
            if (Has(0.95))
            {
                WriteContactsLocationsModule();
            }

            if (Has(0.3))
            {
                WriteReferencesModule();
            }

            if (Has(0.67))
            {
                WriteIpdSharingStatementModule();
            }

            _w.WriteEndObject();
        }

        private void WriteIdentificationModule()
        {
            _w.WriteStartObject("identificationModule");
            _w.WriteString("nctId", _nctId);
            if (Has(0.01))
            {
                WriteStrings("nctIdAliases", ["NCT8" + Between(0, 9_999_999).ToString("D7", CultureInfo.InvariantCulture)]);
            }

            _w.WriteStartObject("orgStudyIdInfo");
            if (Has(0.02))
            {
                // NIH-typed ids are grant numbers, linked to NIH RePORTER.
                var grant = $"R01HL{Between(100000, 199999)}";
                _w.WriteString("id", grant);
                _w.WriteString("type", "NIH");
                _w.WriteString("link", $"https://reporter.nih.gov/quickSearch/{grant}");
            }
            else
            {
                _w.WriteString("id", $"{_sponsor.Code}-{Between(100, 9999)}-{Between(1, 99):D2}");
            }

            _w.WriteEndObject();
            if (Has(0.15))
            {
                WriteSecondaryIdInfos();
            }

            _w.WriteStartObject("organization");
            _w.WriteString("fullName", _sponsor.Name);
            _w.WriteString("class", _sponsor.Class);
            _w.WriteEndObject();

            var condition = _theme.Conditions[0];
            _w.WriteString("briefTitle", _studyType switch
            {
                Observational => $"{Pick(Catalog.ObservationalTitlePrefixes)} {TitleCase(_theme.Population)}",
                ExpandedAccess => $"Expanded Access Program of {_theme.Drug} for Patients With {condition}",
                _ => $"A Study of {_theme.Drug} in {TitleCase(_theme.Population)}",
            });
            if (Has(0.98))
            {
                _w.WriteString("officialTitle", $"A {Pick(Catalog.TitleDesigns)} Study to Evaluate the Efficacy and Safety of {_theme.Drug} in {TitleCase(_theme.Population)}");
            }

            if (Has(0.3))
            {
                _w.WriteString("acronym", $"{_theme.Acronym}-{Between(1, 9)}");
            }

            _w.WriteEndObject();
        }

        private void WriteSecondaryIdInfos()
        {
            _w.WriteStartArray("secondaryIdInfos");
            var count = _all ? 3 : Between(1, 3);
            for (var i = 0; i < count; i++)
            {
                _w.WriteStartObject();
                var kind = _all ? i : _rng.Next(3);
                switch (kind)
                {
                    case 0:
                        var grant = $"U01AI{Between(100000, 199999)}";
                        _w.WriteString("id", grant);
                        _w.WriteString("type", "NIH");
                        _w.WriteString("link", $"https://reporter.nih.gov/quickSearch/{grant}");
                        break;
                    case 1:
                        _w.WriteString("id", $"{Between(2005, 2025)}-{Between(0, 999999):D6}-{Between(10, 99)}");
                        _w.WriteString("type", Pick(["EUDRACT_NUMBER", "CTIS", "REGISTRY"]));
                        if (Has(0.7))
                        {
                            _w.WriteString("domain", Pick(["EU Clinical Trials Register", "CTIS", "German Clinical Trials Register"]));
                        }

                        break;
                    default:
                        _w.WriteString("id", $"IRB-{Between(10, 25)}-{Between(1000, 9999)}");
                        if (Has(0.85))
                        {
                            _w.WriteString("type", "OTHER");
                        }

                        if (Has(0.8))
                        {
                            _w.WriteString("domain", $"{_sponsor.Name} Ethics Committee");
                        }

                        break;
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteStatusModule()
        {
            var d = _dates;
            var lastUpdateSubmit = LastUpdateSubmitDate();
            var lastUpdatePost = Min(lastUpdateSubmit.AddDays(Between(1, 4)), Snapshot);
            var verified = Max(d.FirstSubmit, lastUpdateSubmit.AddDays(-Between(0, 75)));

            _w.WriteStartObject("statusModule");
            _w.WriteString("statusVerifiedDate", Month(verified));
            _w.WriteString("overallStatus", _status);
            if (_status == "UNKNOWN" || _all)
            {
                _w.WriteString("lastKnownStatus", Pick(["RECRUITING", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"]));
            }

            if (_all || Chance(0.002))
            {
                _w.WriteBoolean("delayedPosting", true);
            }

            if (_status is "TERMINATED" or "SUSPENDED" or "WITHDRAWN" && Has(0.75))
            {
                _w.WriteString("whyStopped", Pick(Catalog.WhyStopped));
            }

            if (Has(0.98))
            {
                _w.WriteStartObject("expandedAccessInfo");
                var hasExpandedAccess = _all || Chance(0.03);
                _w.WriteBoolean("hasExpandedAccess", hasExpandedAccess);
                if (hasExpandedAccess && Has(0.6))
                {
                    _w.WriteString("nctId", "NCT8" + Between(0, 9_999_999).ToString("D7", CultureInfo.InvariantCulture));
                    _w.WriteString("statusForNctId", Pick(Catalog.ExpandedAccessStatuses));
                }

                _w.WriteEndObject();
            }

            WritePartialDateStruct("startDateStruct", d.Start, lastUpdateSubmit, d.MonthPrecision, withType: !d.StartTypeMissing);
            if (Has(0.99))
            {
                WritePartialDateStruct("primaryCompletionDateStruct", d.PrimaryCompletion, lastUpdateSubmit, d.MonthPrecision, withType: true);
            }

            if (Has(0.99))
            {
                WritePartialDateStruct("completionDateStruct", d.Completion, lastUpdateSubmit, d.MonthPrecision && !_all, withType: true);
            }

            _w.WriteString("studyFirstSubmitDate", Day(d.FirstSubmit));
            _w.WriteString("studyFirstSubmitQcDate", Day(d.FirstQc));
            WriteDateStruct("studyFirstPostDateStruct", d.FirstPost, d.FirstSubmit.Year < 2017 ? "ESTIMATED" : "ACTUAL");
            if (_all || Chance(0.002))
            {
                _w.WriteBoolean("resultsWaived", true);
            }

            if (d.ResultsSubmit is { } resultsSubmit)
            {
                _w.WriteString("resultsFirstSubmitDate", Day(resultsSubmit));
                _w.WriteString("resultsFirstSubmitQcDate", Day(d.ResultsQc!.Value));
                WriteDateStruct("resultsFirstPostDateStruct", d.ResultsPost!.Value, resultsSubmit.Year < 2017 ? "ESTIMATED" : "ACTUAL");
            }

            if (d.DispSubmit is { } dispSubmit)
            {
                _w.WriteString("dispFirstSubmitDate", Day(dispSubmit));
                if (Has(0.66))
                {
                    _w.WriteString("dispFirstSubmitQcDate", Day(dispSubmit.AddDays(Between(0, 20))));
                }

                WriteDateStruct("dispFirstPostDateStruct", dispSubmit.AddDays(Between(21, 25)), Pick(["ACTUAL", "ESTIMATED"]));
            }

            _w.WriteString("lastUpdateSubmitDate", Day(lastUpdateSubmit));
            WriteDateStruct("lastUpdatePostDateStruct", lastUpdatePost, lastUpdateSubmit.Year < 2017 ? "ESTIMATED" : "ACTUAL");
            _w.WriteEndObject();
        }

        private DateOnly LastUpdateSubmitDate()
        {
            var d = _dates;
            var floor = Max(d.FirstPost, d.ResultsPost ?? d.FirstPost);
            if (d.DispSubmit is { } disp)
            {
                floor = Max(floor, disp.AddDays(26));
            }

            if (_status is "COMPLETED" or "TERMINATED" or "WITHDRAWN")
            {
                floor = Max(floor, d.Completion);
            }

            var candidate = floor.AddDays(Between(1, 420));
            if (_status == "UNKNOWN")
            {
                candidate = Min(candidate, Snapshot.AddDays(-760));
            }

            return Max(floor, Min(candidate, Snapshot.AddDays(-5)));
        }

        private void WriteSponsorCollaboratorsModule()
        {
            _w.WriteStartObject("sponsorCollaboratorsModule");
            if (Has(0.98))
            {
                _w.WriteStartObject("responsibleParty");
                var legacy = _dates.FirstSubmit.Year < 2008 && Chance(0.5);
                if (!legacy || _all)
                {
                    var type = _all ? "PRINCIPAL_INVESTIGATOR" : Weighted(("SPONSOR", 60), ("PRINCIPAL_INVESTIGATOR", 30), ("SPONSOR_INVESTIGATOR", 10));
                    _w.WriteString("type", type);
                    if (type != "SPONSOR")
                    {
                        _w.WriteString("investigatorFullName", NewPerson().FullName);
                        _w.WriteString("investigatorTitle", Pick(Catalog.InvestigatorTitles));
                        _w.WriteString("investigatorAffiliation", _sponsor.Name);
                    }
                }

                if (legacy || _all)
                {
                    var person = NewPerson();
                    _w.WriteString("oldNameTitle", $"{person.FullName}, {Pick(Catalog.InvestigatorTitles)}");
                    _w.WriteString("oldOrganization", _sponsor.Name);
                }

                _w.WriteEndObject();
            }

            _w.WriteStartObject("leadSponsor");
            _w.WriteString("name", _sponsor.Name);
            _w.WriteString("class", _sponsor.Class);
            _w.WriteEndObject();
            if (Has(0.33))
            {
                _w.WriteStartArray("collaborators");
                var collaborators = Distinct(Catalog.Organizations, _all ? 2 : Between(1, 3)).Where(o => o != _sponsor).ToList();
                if (collaborators.Count == 0)
                {
                    collaborators.Add(Catalog.Organizations.First(o => o != _sponsor));
                }

                foreach (var collaborator in collaborators)
                {
                    _w.WriteStartObject();
                    _w.WriteString("name", collaborator.Name);
                    _w.WriteString("class", collaborator.Class);
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            _w.WriteEndObject();
        }

        private void WriteOversightModule()
        {
            var modern = _dates.FirstSubmit.Year >= 2017;
            bool? hasDmc = Has(0.84) ? Chance(0.4) : null;
            bool? drug = _all || (modern && Chance(0.97)) ? Chance(0.3) : null;
            bool? device = drug is null ? null : _theme.DrugType == "DEVICE" || Chance(0.05);
            bool? unapprovedDevice = device == true && Has(0.5) || _all ? true : null;
            bool? ppsd = _all || Chance(0.002) ? false : null;
            bool? usExport = drug == true || device == true ? (Has(0.8) ? Chance(0.3) : null) : null;
            bool? violation = _all || Chance(0.002) ? true : null;
            if (hasDmc is null && drug is null && device is null && usExport is null && unapprovedDevice is null && ppsd is null && violation is null)
            {
                return;
            }

            _w.WriteStartObject("oversightModule");
            WriteOptionalBoolean("oversightHasDmc", hasDmc);
            WriteOptionalBoolean("isFdaRegulatedDrug", drug);
            WriteOptionalBoolean("isFdaRegulatedDevice", device);
            WriteOptionalBoolean("isUnapprovedDevice", unapprovedDevice);
            WriteOptionalBoolean("isPpsd", ppsd);
            WriteOptionalBoolean("isUsExport", usExport ?? (_all ? false : null));
            WriteOptionalBoolean("fdaaa801Violation", violation);
            _w.WriteEndObject();
        }

        private void WriteDescriptionModule()
        {
            _w.WriteStartObject("descriptionModule");
            _w.WriteString("briefSummary", _studyType == Observational
                ? $"The goal of this observational study is to learn about the course of {_theme.Conditions[0].ToLowerInvariant()} in {_theme.Population}. The main question it aims to answer is:\n\n* Which clinical and laboratory factors predict disease progression within 2 years?\n\nParticipants will attend routine visits and complete questionnaires every 6 months."
                : $"The purpose of this study is to evaluate whether {_theme.Drug} is safe and effective in {_theme.Population}. Participants will be followed for up to 52 weeks.");
            if (Has(0.67))
            {
                _w.WriteString("detailedDescription",
                    $"This is a {Pick(Catalog.TitleDesigns).ToLowerInvariant()} study conducted at {Between(1, 60)} sites.\n\n" +
                    $"**Background.** {_theme.Background}\n\n" +
                    "**Procedures.** After a screening period of up to 28 days, eligible participants enter the treatment period. " +
                    "Visits take place at Weeks 2, 4, 8 and 12, then every 12 weeks.\n\n" +
                    "1. Screening (Day −28 to Day −1)\n2. Treatment period (Weeks 1–12)\n3. Follow-up (up to Week 52)\n\n" +
                    "Safety is monitored by an independent committee; the sample size provides ≥ 80% power at a two-sided α of 0.05.\n\n" +
                    "**Endpoints.**\n\n" + string.Join('\n', _outcomes.Select(o => $"* {o.Template.Measure} ({o.Template.TimeFrame})")) + "\n\n" +
                    "**Statistical analysis.** " + Pick(Catalog.StatisticalParagraphs));
            }

            _w.WriteEndObject();
        }

        private void WriteConditionsModule()
        {
            _w.WriteStartObject("conditionsModule");
            WriteStrings("conditions", Distinct(_theme.Conditions, _all ? 2 : Weighted((1, 60), (2, 30), (3, 10))));
            if (Has(0.6))
            {
                WriteStrings("keywords", Distinct(_theme.Keywords, Between(1, _theme.Keywords.Length)));
            }

            _w.WriteEndObject();
        }

        private void WriteDesignModule()
        {
            _w.WriteStartObject("designModule");
            _w.WriteString("studyType", _studyType);
            if (_studyType == ExpandedAccess || _all)
            {
                if (Has(0.3))
                {
                    _w.WriteNumber("nPtrsToThisExpAccNctId", Between(1, 3));
                }

                _w.WriteStartObject("expandedAccessTypes");
                var individual = _all || Chance(0.6);
                _w.WriteBoolean("individual", individual);
                if (Has(0.3))
                {
                    _w.WriteBoolean("intermediate", true);
                }

                if (Has(0.3) || !individual)
                {
                    _w.WriteBoolean("treatment", true);
                }

                _w.WriteEndObject();
            }

            var observationalRegistry = _studyType == Observational && Has(0.9);
            if (observationalRegistry || _all)
            {
                var registry = _all || Chance(0.25);
                _w.WriteBoolean("patientRegistry", registry);
                if (registry && Has(0.5))
                {
                    _w.WriteString("targetDuration", Duration(Between(1, 10), Pick(["Year", "Month"])));
                }
            }

            if (_studyType == Interventional && Has(0.99))
            {
                WriteStrings("phases", _all ? ["PHASE2", "PHASE3"] : Pick(_theme.DrugType is "DRUG" or "BIOLOGICAL" ? Catalog.DrugPhases : Catalog.NonDrugPhases));
            }

            if (_studyType != ExpandedAccess)
            {
                WriteDesignInfo();
            }

            if (_studyType == Observational && Has(0.18) || _all)
            {
                _w.WriteStartObject("bioSpec");
                _w.WriteString("retention", Pick(["SAMPLES_WITH_DNA", "SAMPLES_WITHOUT_DNA", "NONE_RETAINED"]));
                _w.WriteString("description", "Whole blood, serum and plasma aliquots stored at −80 °C.");
                _w.WriteEndObject();
            }

            if (_studyType != ExpandedAccess && Has(0.995))
            {
                _w.WriteStartObject("enrollmentInfo");
                _w.WriteNumber("count", _enrollment);
                if (Has(0.99))
                {
                    var actual = _hasResults || _status is "COMPLETED" or "TERMINATED" or "WITHDRAWN" or "ACTIVE_NOT_RECRUITING";
                    _w.WriteString("type", actual ? "ACTUAL" : "ESTIMATED");
                }

                _w.WriteEndObject();
            }

            _w.WriteEndObject();
        }

        private void WriteDesignInfo()
        {
            _w.WriteStartObject("designInfo");
            if (_studyType == Interventional)
            {
                var single = _arms.Count == 1;
                if (Has(0.97))
                {
                    _w.WriteString("allocation", single ? "NA" : Weighted(("RANDOMIZED", 85), ("NON_RANDOMIZED", 15)));
                }

                _w.WriteString("interventionModel", single ? "SINGLE_GROUP" : Weighted(("PARALLEL", 80), ("CROSSOVER", 8), ("FACTORIAL", 4), ("SEQUENTIAL", 8)));
                if (Has(0.23))
                {
                    _w.WriteString("interventionModelDescription", single
                        ? "Single-arm, open-label study."
                        : $"Participants are randomized 1:1 to one of {_arms.Count} parallel arms, stratified by site and baseline severity (≤ median vs \\> median).");
                }

                _w.WriteString("primaryPurpose", _all ? "TREATMENT" : Weighted(("TREATMENT", 70), ("PREVENTION", 10), ("SUPPORTIVE_CARE", 5),
                    ("DIAGNOSTIC", 3), ("BASIC_SCIENCE", 4), ("HEALTH_SERVICES_RESEARCH", 3), ("SCREENING", 1), ("DEVICE_FEASIBILITY", 1), ("ECT", 1), ("OTHER", 2)));
                if (Has(0.99))
                {
                    WriteMaskingInfo(single);
                }
            }

            if (_studyType == Observational || _all)
            {
                if (Has(0.99))
                {
                    _w.WriteString("observationalModel", Weighted(("COHORT", 60), ("CASE_CONTROL", 12), ("CASE_ONLY", 12), ("CASE_CROSSOVER", 2),
                        ("ECOLOGIC_OR_COMMUNITY", 2), ("FAMILY_BASED", 2), ("DEFINED_POPULATION", 3), ("NATURAL_HISTORY", 3), ("OTHER", 4)));
                }

                if (Has(0.99))
                {
                    _w.WriteString("timePerspective", Weighted(("PROSPECTIVE", 65), ("RETROSPECTIVE", 20), ("CROSS_SECTIONAL", 10), ("OTHER", 5)));
                }
            }

            _w.WriteEndObject();
        }

        private void WriteMaskingInfo(bool singleArm)
        {
            _w.WriteStartObject("maskingInfo");
            var masking = _all ? "QUADRUPLE" : singleArm ? "NONE" : Weighted(("NONE", 45), ("SINGLE", 15), ("DOUBLE", 15), ("TRIPLE", 10), ("QUADRUPLE", 15));
            _w.WriteString("masking", masking);
            if (masking != "NONE" && Has(0.12))
            {
                _w.WriteString("maskingDescription", "Study drug and placebo are supplied in identical packaging; the randomization list is held by an independent statistician.");
            }

            var masked = masking switch
            {
                "SINGLE" => 1,
                "DOUBLE" => 2,
                "TRIPLE" => 3,
                "QUADRUPLE" => 4,
                _ => 0,
            };
            if (masked > 0 && Has(0.9))
            {
                WriteStrings("whoMasked", Catalog.WhoMasked[..masked]);
            }

            _w.WriteEndObject();
        }

        private void WriteArmsInterventionsModule()
        {
            _w.WriteStartObject("armsInterventionsModule");
            if (_arms.Count > 0)
            {
                _w.WriteStartArray("armGroups");
                foreach (var arm in _arms)
                {
                    _w.WriteStartObject();
                    _w.WriteString("label", arm.Label);
                    if (arm.Type is not null && Has(0.97))
                    {
                        _w.WriteString("type", arm.Type);
                    }

                    if (Has(0.88))
                    {
                        _w.WriteString("description", arm.Description);
                    }

                    if (arm.InterventionIndexes.Count > 0)
                    {
                        WriteStrings("interventionNames", arm.InterventionIndexes.Select(i => _interventions[i].DisplayName));
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            if (_interventions.Count > 0)
            {
                _w.WriteStartArray("interventions");
                for (var i = 0; i < _interventions.Count; i++)
                {
                    var intervention = _interventions[i];
                    _w.WriteStartObject();
                    _w.WriteString("type", intervention.Type);
                    _w.WriteString("name", intervention.Name);
                    if (Has(0.95))
                    {
                        _w.WriteString("description", intervention.Description);
                    }

                    var labels = _arms.Where(a => a.InterventionIndexes.Contains(i)).Select(a => a.Label).ToList();
                    if (labels.Count > 0)
                    {
                        WriteStrings("armGroupLabels", labels);
                    }

                    if (intervention.OtherNames.Length > 0)
                    {
                        WriteStrings("otherNames", intervention.OtherNames);
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            _w.WriteEndObject();
        }

        private void WriteOutcomesModule()
        {
            _w.WriteStartObject("outcomesModule");
            foreach (var (type, property) in new[] { ("PRIMARY", "primaryOutcomes"), ("SECONDARY", "secondaryOutcomes"), ("OTHER_PRE_SPECIFIED", "otherOutcomes") })
            {
                var outcomes = _outcomes.Where(o => o.Type == type).ToList();
                if (outcomes.Count == 0)
                {
                    continue;
                }

                _w.WriteStartArray(property);
                foreach (var outcome in outcomes)
                {
                    _w.WriteStartObject();
                    _w.WriteString("measure", outcome.Template.Measure);
                    if (Has(0.86))
                    {
                        _w.WriteString("description", outcome.Template.Description);
                    }

                    if (Has(0.99))
                    {
                        _w.WriteString("timeFrame", outcome.Template.TimeFrame);
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            _w.WriteEndObject();
        }

        private void WriteEligibilityModule()
        {
            _w.WriteStartObject("eligibilityModule");
            var pediatric = !_all && Chance(0.1);
            var minimum = pediatric
                ? Pick<(int Value, string Unit)>([(30, "Day"), (6, "Month"), (2, "Year"), (6, "Year"), (12, "Year")])
                : Pick<(int Value, string Unit)>([(18, "Year"), (18, "Year"), (18, "Year"), (21, "Year"), (40, "Year"), (45, "Year"), (50, "Year")]);
            var minimumYears = minimum.Unit == "Year" ? minimum.Value : 0;
            var hasMinimum = Has(0.95);
            var hasMaximum = Has(0.56);
            var maximumYears = pediatric ? Pick([17, 17, 21]) : Pick([55, 64, 65, 70, 75, 80, 85]);

            var criteria = new List<string> { "Inclusion Criteria:", string.Empty };
            criteria.Add(hasMinimum ? $"* Age ≥ {Duration(minimum.Value, minimum.Unit).ToLowerInvariant()}" : "* Any age");
            criteria.AddRange(_theme.Inclusion.Select(c => "* " + c));
            criteria.AddRange(Distinct(Catalog.GenericInclusion, Between(1, Catalog.GenericInclusion.Length)).Select(c => "* " + c));
            criteria.Add("* Able and willing to provide written informed consent");
            criteria.AddRange([string.Empty, "Exclusion Criteria:", string.Empty]);
            criteria.AddRange(_theme.Exclusion.Select(c => "* " + c));
            criteria.AddRange(Distinct(Catalog.GenericExclusion, Between(2, Catalog.GenericExclusion.Length)).Select(c => "* " + c));
            criteria.Add("* Participation in another interventional study within 30 days \\[or 5 half-lives, whichever is longer\\]");
            _w.WriteString("eligibilityCriteria", string.Join('\n', criteria));

            if (Has(0.96))
            {
                _w.WriteBoolean("healthyVolunteers", _theme.HealthyVolunteers);
            }

            _w.WriteString("sex", _theme.Sex ?? Weighted(("ALL", 90), ("FEMALE", 6), ("MALE", 4)));
            if (Has(0.015))
            {
                _w.WriteBoolean("genderBased", true);
                if (Has(0.75))
                {
                    _w.WriteString("genderDescription", "Participants self-identify as women, including transgender women.");
                }
            }

            if (hasMinimum)
            {
                _w.WriteString("minimumAge", Duration(minimum.Value, minimum.Unit));
            }

            if (hasMaximum)
            {
                _w.WriteString("maximumAge", Duration(maximumYears, "Year"));
            }

            var lower = hasMinimum ? minimumYears : 0;
            var upper = hasMaximum ? maximumYears : 120;
            var ages = new List<string>();
            if (lower < 18)
            {
                ages.Add("CHILD");
            }

            if (upper >= 18 && lower <= 64)
            {
                ages.Add("ADULT");
            }

            if (upper >= 65)
            {
                ages.Add("OLDER_ADULT");
            }

            WriteStrings("stdAges", ages);
            if (_studyType == Observational || _all)
            {
                if (Has(0.99))
                {
                    _w.WriteString("studyPopulation", $"Consecutive {_theme.Population} referred to the participating centres in Zürich, São Paulo and Kraków.");
                }

                if (Has(0.99))
                {
                    _w.WriteString("samplingMethod", Weighted(("NON_PROBABILITY_SAMPLE", 80), ("PROBABILITY_SAMPLE", 20)));
                }
            }

            _w.WriteEndObject();
        }

        private void WriteContactsLocationsModule()
        {
            var recruiting = _status is "RECRUITING" or "NOT_YET_RECRUITING" or "ENROLLING_BY_INVITATION" or "AVAILABLE";
            var hasCentral = Has(recruiting ? 0.9 : 0.15);
            var hasOfficials = Has(0.7);
            var hasLocations = Has(0.92) || !hasCentral && !hasOfficials;

            _w.WriteStartObject("contactsLocationsModule");
            if (hasCentral)
            {
                _w.WriteStartArray("centralContacts");
                for (var i = 0; i < (_all ? 2 : Between(1, 2)); i++)
                {
                    WriteContact(i == 0 ? "CONTACT" : Pick(["CONTACT", "STUDY_CHAIR", "STUDY_DIRECTOR"]));
                }

                _w.WriteEndArray();
            }

            if (hasOfficials)
            {
                _w.WriteStartArray("overallOfficials");
                for (var i = 0; i < (_all ? 2 : Between(1, 2)); i++)
                {
                    _w.WriteStartObject();
                    _w.WriteString("name", NewPerson().FullName);
                    if (Has(0.99))
                    {
                        _w.WriteString("affiliation", i == 0 ? _sponsor.Name : Pick(Catalog.Cities).Facility);
                    }

                    _w.WriteString("role", Pick(["PRINCIPAL_INVESTIGATOR", "PRINCIPAL_INVESTIGATOR", "STUDY_DIRECTOR", "STUDY_CHAIR", "SUB_INVESTIGATOR"]));
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            if (hasLocations)
            {
                WriteLocations(recruiting);
            }

            _w.WriteEndObject();
        }

        private void WriteLocations(bool recruiting)
        {
            var count = _all ? Catalog.Cities.Length : Weighted((1, 45), (2, 12), (5, 18), (12, 15), (40, 8), (250, 2));
            if (count > 1 && !_all)
            {
                count = Between(Math.Max(1, count / 2), count);
            }

            _w.WriteStartArray("locations");
            for (var i = 0; i < count; i++)
            {
                var city = _all ? Catalog.Cities[i] : Pick(Catalog.Cities);
                _w.WriteStartObject();
                if (Has(0.995))
                {
                    _w.WriteString("facility", count > Catalog.Cities.Length ? $"{city.Facility} — Site {i + 1:D3}" : city.Facility);
                }

                if (recruiting && Has(0.9) || _all)
                {
                    _w.WriteString("status", _status == "AVAILABLE" ? "AVAILABLE" : Weighted(("RECRUITING", 70), ("NOT_YET_RECRUITING", 20), ("ACTIVE_NOT_RECRUITING", 4),
                        ("COMPLETED", 2), ("ENROLLING_BY_INVITATION", 2), ("WITHDRAWN", 1), ("SUSPENDED", 1)));
                }

                _w.WriteString("city", city.Name);
                if (city.State is not null)
                {
                    _w.WriteString("state", city.State);
                }

                if (city.Zip is not null && Has(0.9))
                {
                    _w.WriteString("zip", city.Zip);
                }

                _w.WriteString("country", city.Country);
                if (recruiting && Has(0.4) || _all && i == 0)
                {
                    _w.WriteStartArray("contacts");
                    for (var c = 0; c < (_all ? 2 : Between(1, 2)); c++)
                    {
                        WriteContact(c == 0 ? "CONTACT" : Pick(["PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR"]));
                    }

                    _w.WriteEndArray();
                }

                if (Has(0.98))
                {
                    _w.WriteStartObject("geoPoint");
                    _w.WriteNumber("lat", city.Lat);
                    _w.WriteNumber("lon", city.Lon);
                    _w.WriteEndObject();
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteContact(string role)
        {
            var person = NewPerson();
            _w.WriteStartObject();
            _w.WriteString("name", person.FullName);
            _w.WriteString("role", role);
            if (Has(0.9))
            {
                _w.WriteString("phone", Phone());
                if (Has(0.1))
                {
                    _w.WriteString("phoneExt", Between(100, 9999).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (Has(0.95))
            {
                _w.WriteString("email", person.Email);
            }

            _w.WriteEndObject();
        }

        private void WriteReferencesModule()
        {
            var hasReferences = Has(0.8);
            var hasLinks = Has(0.25) || !hasReferences;
            _w.WriteStartObject("referencesModule");
            if (hasReferences)
            {
                _w.WriteStartArray("references");
                for (var i = 0; i < (_all ? 2 : Between(1, 4)); i++)
                {
                    _w.WriteStartObject();
                    var pmid = Between(10_000_000, 41_999_999).ToString(CultureInfo.InvariantCulture);
                    if (Has(0.98))
                    {
                        _w.WriteString("pmid", pmid);
                    }

                    _w.WriteString("type", Weighted(("BACKGROUND", 55), ("RESULT", 25), ("DERIVED", 20)));
                    _w.WriteString("citation", Citation());
                    if (_all && i == 0 || Chance(0.005))
                    {
                        _w.WriteStartArray("retractions");
                        _w.WriteStartObject();
                        _w.WriteString("pmid", Between(10_000_000, 41_999_999).ToString(CultureInfo.InvariantCulture));
                        _w.WriteString("source", $"{Pick(Catalog.Journals)}. {Between(2012, 2025)}");
                        _w.WriteEndObject();
                        _w.WriteEndArray();
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            if (hasLinks)
            {
                _w.WriteStartArray("seeAlsoLinks");
                _w.WriteStartObject();
                _w.WriteString("label", $"{_sponsor.Name} clinical trial information");
                _w.WriteString("url", $"https://www.example.org/trials/{_nctId.ToLowerInvariant()}");
                _w.WriteEndObject();
                _w.WriteEndArray();
            }

            if (Has(0.01))
            {
                _w.WriteStartArray("availIpds");
                foreach (var type in _all ? ["Individual Participant Data Set", "Statistical Analysis Plan"] : new[] { "Individual Participant Data Set" })
                {
                    _w.WriteStartObject();
                    _w.WriteString("id", $"{_theme.Acronym}-IPD");
                    _w.WriteString("type", type);
                    _w.WriteString("url", "https://data.example.org/request");
                    if (Has(0.7))
                    {
                        _w.WriteString("comment", "Available to qualified researchers after approval of a research proposal.");
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            _w.WriteEndObject();
        }

        private void WriteIpdSharingStatementModule()
        {
            _w.WriteStartObject("ipdSharingStatementModule");
            var sharing = _all ? "YES" : Weighted(("NO", 50), ("UNDECIDED", 25), ("YES", 25));
            _w.WriteString("ipdSharing", sharing);
            if (sharing == "YES")
            {
                if (Has(0.9))
                {
                    _w.WriteString("description", "De-identified individual participant data underlying the published results will be shared.");
                }

                if (Has(0.6))
                {
                    WriteStrings("infoTypes", Distinct(["STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE"], _all ? 5 : Between(1, 4)));
                }

                if (Has(0.6))
                {
                    _w.WriteString("timeFrame", "Beginning 6 months and ending 36 months after publication of the primary results.");
                }

                if (Has(0.6))
                {
                    _w.WriteString("accessCriteria", "Researchers whose proposal is approved by an independent review panel; a data access agreement is required.");
                }

                if (Has(0.4))
                {
                    _w.WriteString("url", "https://data.example.org/");
                }
            }
            else if (Chance(0.2))
            {
                _w.WriteString("description", "There is no plan to share individual participant data.");
            }

            _w.WriteEndObject();
        }

        // ---------------------------------------------------------------- resultsSection

        private void WriteResultsSection()
        {
            _w.WriteStartObject("resultsSection");
            WriteParticipantFlowModule();
            WriteBaselineCharacteristicsModule();
            WriteOutcomeMeasuresModule();
            WriteAdverseEventsModule();
            WriteMoreInfoModule();
            _w.WriteEndObject();
        }

        private void WriteResultGroups(string property, string prefix, bool withTotal = false)
        {
            _w.WriteStartArray(property);
            for (var g = 0; g < _arms.Count; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("id", GroupId(prefix, g));
                _w.WriteString("title", _arms[g].Label);
                if (Has(0.98))
                {
                    _w.WriteString("description", _arms[g].Description);
                }

                _w.WriteEndObject();
            }

            if (withTotal)
            {
                _w.WriteStartObject();
                _w.WriteString("id", GroupId(prefix, _arms.Count));
                _w.WriteString("title", "Total");
                _w.WriteString("description", "Total of all reporting groups");
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteParticipantFlowModule()
        {
            var units = _all || Chance(0.02) ? _theme.AnalysisUnits : null;
            _w.WriteStartObject("participantFlowModule");
            if (Has(0.45))
            {
                _w.WriteString("preAssignmentDetails", "Participants entered a 2-week single-blind placebo run-in period before randomization; those with \\< 80% adherence were not randomized.");
            }

            if (Has(0.4))
            {
                _w.WriteString("recruitmentDetails", $"Participants were recruited at outpatient clinics between {Month(_dates.Start)} and {Month(_dates.PrimaryCompletion)}.");
            }

            if (units is not null)
            {
                _w.WriteString("typeUnitsAnalyzed", units);
            }

            WriteResultGroups("groups", "FG");
            _w.WriteStartArray("periods");
            var entering = _started;
            var periodCount = _all ? 2 : Weighted((1, 85), (2, 15));
            for (var p = 0; p < periodCount; p++)
            {
                var title = periodCount == 1 ? "Overall Study" : p == 0 ? "Double-Blind Period" : "Open-Label Extension";
                entering = WriteFlowPeriod(title, entering, units);
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        /// <summary>Writes one flow period and returns the per-group number who completed it.</summary>
        private int[] WriteFlowPeriod(string title, int[] started, string? units)
        {
            var notCompleted = started.Select(n => _all ? Math.Max(1, n / 6) : (int)Math.Round(n * _rng.NextDouble() * 0.25)).ToArray();
            var completed = started.Zip(notCompleted, (s, n) => s - n).ToArray();

            _w.WriteStartObject();
            _w.WriteString("title", title);
            _w.WriteStartArray("milestones");
            WriteMilestone("STARTED", started, units, Has(0.1) ? "Randomized participants who received at least one dose." : null);
            if (Has(0.12))
            {
                WriteMilestone("Received at Least One Dose", started.Select(s => Math.Max(0, s - Between(0, 1))).ToArray(), units, null);
            }

            WriteMilestone("COMPLETED", completed, units, null);
            WriteMilestone("NOT COMPLETED", notCompleted, units, null);
            _w.WriteEndArray();

            if (notCompleted.Any(n => n > 0))
            {
                WriteDropWithdraws(notCompleted);
            }

            _w.WriteEndObject();
            return completed;
        }

        private void WriteMilestone(string type, int[] counts, string? units, string? comment)
        {
            _w.WriteStartObject();
            _w.WriteString("type", type);
            if (comment is not null)
            {
                _w.WriteString("comment", comment);
            }

            _w.WriteStartArray("achievements");
            for (var g = 0; g < counts.Length; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId("FG", g));
                if (Has(0.03))
                {
                    _w.WriteString("comment", "Includes 1 participant randomized in error who did not receive study drug.");
                }

                _w.WriteString("numSubjects", counts[g].ToString(CultureInfo.InvariantCulture));
                if (units is not null)
                {
                    _w.WriteString("numUnits", (counts[g] * 2 - Between(0, Math.Min(2, counts[g]))).ToString(CultureInfo.InvariantCulture));
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteDropWithdraws(int[] notCompleted)
        {
            var reasons = Distinct(Catalog.DropReasons, _all ? 2 : Between(1, 3));
            var split = notCompleted.Select(n => SplitCount(n, reasons.Count)).ToArray();
            _w.WriteStartArray("dropWithdraws");
            for (var r = 0; r < reasons.Count; r++)
            {
                _w.WriteStartObject();
                _w.WriteString("type", reasons[r]);
                if (_all && r == 0 || Chance(0.01))
                {
                    _w.WriteString("comment", "As reported by the site investigator.");
                }

                _w.WriteStartArray("reasons");
                for (var g = 0; g < notCompleted.Length; g++)
                {
                    _w.WriteStartObject();
                    _w.WriteString("groupId", GroupId("FG", g));
                    if (_all && r == 0 && g == 0 || Chance(0.01))
                    {
                        _w.WriteString("comment", "Moved out of the study area.");
                    }

                    _w.WriteString("numSubjects", split[g][r].ToString(CultureInfo.InvariantCulture));
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteBaselineCharacteristicsModule()
        {
            var withTotal = _arms.Count > 1;
            var groupCount = _arms.Count + (withTotal ? 1 : 0);
            var counts = withTotal ? [.. _started, _started.Sum()] : _started.ToArray();
            var units = _all || Chance(0.02) ? _theme.AnalysisUnits : null;

            _w.WriteStartObject("baselineCharacteristicsModule");
            if (Has(0.42))
            {
                _w.WriteString("populationDescription", "All randomized participants who received at least one dose of study intervention.");
            }

            if (units is not null)
            {
                _w.WriteString("typeUnitsAnalyzed", units);
            }

            WriteResultGroups("groups", "BG", withTotal);
            _w.WriteStartArray("denoms");
            WriteDenom("Participants", "BG", counts);
            if (units is not null)
            {
                WriteDenom(units, "BG", counts.Select(c => c * 2).ToArray());
            }

            _w.WriteEndArray();

            _w.WriteStartArray("measures");
            WriteBaselineAge(counts, groupCount);
            WriteBaselineSex(counts, withTotal);
            if (Has(0.4))
            {
                WriteBaselineRace(counts, withTotal);
            }

            if (Has(0.35))
            {
                var hispanic = SplitByShare(counts, withTotal, 0.15);
                var unknown = SplitByShare(counts.Zip(hispanic, (c, h) => c - h).ToArray(), withTotal, 0.05);
                var other = counts.Zip(hispanic, (c, h) => c - h).Zip(unknown, (r, u) => r - u).ToArray();
                WriteCountMeasure("Ethnicity (NIH/OMB)", null, [("Hispanic or Latino", hispanic), ("Not Hispanic or Latino", other), ("Unknown or Not Reported", unknown)]);
            }

            if (Has(0.3))
            {
                WriteBaselineRegion(counts, withTotal);
            }

            if (Has(0.25))
            {
                WriteBaselineBmi(counts);
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteBaselineAge(int[] counts, int groupCount)
        {
            _w.WriteStartObject();
            _w.WriteString("title", "Age, Continuous");
            if (Has(0.3))
            {
                _w.WriteString("description", "Age at the time of informed consent.");
            }

            _w.WriteString("paramType", "MEAN");
            _w.WriteString("dispersionType", "STANDARD_DEVIATION");
            _w.WriteString("unitOfMeasure", "years");
            _w.WriteStartArray("classes");
            _w.WriteStartObject();
            _w.WriteStartArray("categories");
            _w.WriteStartObject();
            _w.WriteStartArray("measurements");
            var mean = 30 + (_rng.NextDouble() * 35);
            for (var g = 0; g < groupCount; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId("BG", g));
                _w.WriteString("value", FormatNumber(mean + ((_rng.NextDouble() - 0.5) * 6), 1));
                _w.WriteString("spread", FormatNumber(8 + (_rng.NextDouble() * 6), 1));
                if (g == groupCount - 1 && Has(0.03))
                {
                    _w.WriteString("comment", "Age was not collected for 2 participants.");
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteBaselineSex(int[] counts, bool withTotal)
        {
            var females = SplitByShare(counts, withTotal, 0.35 + (_rng.NextDouble() * 0.3));
            WriteCountMeasure("Sex: Female, Male", null, [("Female", females), ("Male", counts.Zip(females, (c, f) => c - f).ToArray())]);
        }

        private void WriteBaselineRace(int[] counts, bool withTotal)
        {
            var remaining = counts.ToArray();
            var categories = new List<(string Title, int[] Values)>();
            var titles = Catalog.RaceCategories;
            for (var i = 0; i < titles.Length; i++)
            {
                var values = i == titles.Length - 1 ? remaining.ToArray() : SplitByShare(remaining, withTotal, i == 0 ? 0.7 : 0.2);
                remaining = remaining.Zip(values, (r, v) => r - v).ToArray();
                categories.Add((titles[i], values));
            }

            WriteCountMeasure("Race (NIH/OMB)", null, categories);
        }

        private void WriteBaselineRegion(int[] counts, bool withTotal)
        {
            var countries = Distinct(Catalog.Cities.Select(c => c.Country).Distinct().ToList(), _all ? 3 : Between(1, 3));
            var remaining = counts.ToArray();
            var classes = new List<(string Title, int[] Values)>();
            for (var i = 0; i < countries.Count; i++)
            {
                var values = i == countries.Count - 1 ? remaining.ToArray() : SplitByShare(remaining, withTotal, 0.5);
                remaining = remaining.Zip(values, (r, v) => r - v).ToArray();
                classes.Add((countries[i], values));
            }

            _w.WriteStartObject();
            _w.WriteString("title", "Region of Enrollment");
            _w.WriteString("paramType", "NUMBER");
            _w.WriteString("unitOfMeasure", "participants");
            _w.WriteStartArray("classes");
            foreach (var (title, values) in classes)
            {
                _w.WriteStartObject();
                _w.WriteString("title", title);
                _w.WriteStartArray("categories");
                _w.WriteStartObject();
                WriteMeasurements("BG", values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
                _w.WriteEndObject();
                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteBaselineBmi(int[] counts)
        {
            var measured = counts.Select(c => Math.Max(0, c - Between(0, 2))).ToArray();
            _w.WriteStartObject();
            _w.WriteString("title", "Body Mass Index (BMI)");
            if (Has(0.5))
            {
                _w.WriteString("description", "BMI = weight (kg) / height (m)².");
            }

            if (Has(0.5))
            {
                _w.WriteString("populationDescription", "Participants with height and weight recorded at baseline.");
            }

            _w.WriteString("paramType", "MEDIAN");
            _w.WriteString("dispersionType", "FULL_RANGE");
            _w.WriteString("unitOfMeasure", "kg/m^2");
            if (Has(0.1))
            {
                _w.WriteBoolean("calculatePct", false);
            }

            _w.WriteString("denomUnitsSelected", "Participants");
            _w.WriteStartArray("denoms");
            WriteDenom("Participants", "BG", measured);
            _w.WriteEndArray();
            _w.WriteStartArray("classes");
            _w.WriteStartObject();
            _w.WriteString("title", "At screening");
            _w.WriteStartArray("denoms");
            WriteDenom("Participants", "BG", measured);
            _w.WriteEndArray();
            _w.WriteStartArray("categories");
            _w.WriteStartObject();
            _w.WriteStartArray("measurements");
            for (var g = 0; g < measured.Length; g++)
            {
                var median = 24 + (_rng.NextDouble() * 8);
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId("BG", g));
                _w.WriteString("value", FormatNumber(median, 1));
                _w.WriteString("lowerLimit", FormatNumber(median - 5 - (_rng.NextDouble() * 3), 1));
                _w.WriteString("upperLimit", FormatNumber(median + 8 + (_rng.NextDouble() * 6), 1));
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteCountMeasure(string title, string? classTitle, IReadOnlyList<(string Title, int[] Values)> categories)
        {
            _w.WriteStartObject();
            _w.WriteString("title", title);
            if (Has(0.97))
            {
                _w.WriteString("paramType", "COUNT_OF_PARTICIPANTS");
            }

            _w.WriteString("unitOfMeasure", "Participants");
            if (Has(0.08))
            {
                _w.WriteBoolean("calculatePct", true);
            }

            _w.WriteStartArray("classes");
            _w.WriteStartObject();
            if (classTitle is not null)
            {
                _w.WriteString("title", classTitle);
            }

            _w.WriteStartArray("categories");
            foreach (var (categoryTitle, values) in categories)
            {
                _w.WriteStartObject();
                _w.WriteString("title", categoryTitle);
                WriteMeasurements("BG", values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteMeasurements(string prefix, string[] values)
        {
            _w.WriteStartArray("measurements");
            for (var g = 0; g < values.Length; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId(prefix, g));
                _w.WriteString("value", values[g]);
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteDenom(string units, string prefix, int[] counts)
        {
            _w.WriteStartObject();
            _w.WriteString("units", units);
            _w.WriteStartArray("counts");
            for (var g = 0; g < counts.Length; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId(prefix, g));
                _w.WriteString("value", counts[g].ToString(CultureInfo.InvariantCulture));
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteOutcomeMeasuresModule()
        {
            _w.WriteStartObject("outcomeMeasuresModule");
            _w.WriteStartArray("outcomeMeasures");
            var measures = _outcomes.ToList();
            if (_all)
            {
                // A posted count measure with titled categories, then a NOT_POSTED one (the kitchen sink needs both shapes).
                measures.Add(new PlannedOutcome("POST_HOC", Catalog.GenericOutcomes[4]));
                measures.Add(new PlannedOutcome("POST_HOC", Catalog.GenericOutcomes[0]));
            }
            else if (Chance(0.05))
            {
                measures.Add(new PlannedOutcome("POST_HOC", Catalog.GenericOutcomes[0]));
            }

            for (var m = 0; m < measures.Count; m++)
            {
                var posted = _all ? m < measures.Count - 1 : m == 0 || Chance(0.9);
                WriteOutcomeMeasure(measures[m], posted);
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        private void WriteOutcomeMeasure(PlannedOutcome outcome, bool posted)
        {
            var t = outcome.Template;
            _w.WriteStartObject();
            _w.WriteString("type", outcome.Type);
            _w.WriteString("title", t.Measure);
            if (Has(0.97))
            {
                _w.WriteString("description", t.Description);
            }

            if (!posted)
            {
                _w.WriteString("reportingStatus", "NOT_POSTED");
                if (Has(0.3))
                {
                    _w.WriteString("anticipatedPostingDate", Month(Snapshot.AddMonths(Between(2, 18))));
                }

                _w.WriteString("timeFrame", t.TimeFrame);
                if (Has(0.9))
                {
                    _w.WriteString("denomUnitsSelected", "Participants");
                }

                _w.WriteEndObject();
                return;
            }

            var groupCount = _arms.Count > 1 && Chance(0.12) ? Between(1, _arms.Count - 1) : _arms.Count;
            var analyzed = _started.Take(groupCount).Select(n => Math.Max(1, n - Between(0, Math.Max(1, n / 10)))).ToArray();
            var units = _all || Chance(0.03) ? _theme.AnalysisUnits : null;

            if (Has(0.82))
            {
                _w.WriteString("populationDescription", "Full analysis set: all randomized participants with a baseline and at least one post-baseline assessment.");
            }

            _w.WriteString("reportingStatus", "POSTED");
            _w.WriteString("paramType", t.ParamType);
            if (t.Dispersion is not null)
            {
                _w.WriteString("dispersionType", t.Dispersion);
            }

            _w.WriteString("unitOfMeasure", t.Unit);
            if (t.ParamType == "COUNT_OF_PARTICIPANTS" && Has(0.2))
            {
                _w.WriteBoolean("calculatePct", true);
            }

            _w.WriteString("timeFrame", t.TimeFrame);
            if (units is not null)
            {
                _w.WriteString("typeUnitsAnalyzed", units);
                _w.WriteString("denomUnitsSelected", units);
            }
            else if (Has(0.1))
            {
                _w.WriteString("denomUnitsSelected", "Participants");
            }

            _w.WriteStartArray("groups");
            for (var g = 0; g < groupCount; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("id", GroupId("OG", g));
                _w.WriteString("title", _arms[g].Label);
                if (Has(0.98))
                {
                    _w.WriteString("description", _arms[g].Description);
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteStartArray("denoms");
            WriteDenom("Participants", "OG", analyzed);
            if (units is not null)
            {
                WriteDenom(units, "OG", analyzed.Select(a => a * 2).ToArray());
            }

            _w.WriteEndArray();
            WriteOutcomeClasses(t, analyzed);
            if (groupCount > 1 && Has(0.3))
            {
                WriteAnalyses(t, groupCount);
            }

            _w.WriteEndObject();
        }

        private void WriteOutcomeClasses(OutcomeTemplate t, int[] analyzed)
        {
            _w.WriteStartArray("classes");
            if (t.ParamType == "COUNT_OF_PARTICIPANTS")
            {
                _w.WriteStartObject();
                _w.WriteStartArray("categories");
                string?[] categories = t.Categories is null ? new string?[] { null } : [.. t.Categories];
                foreach (var category in categories)
                {
                    _w.WriteStartObject();
                    if (category is not null)
                    {
                        _w.WriteString("title", category);
                    }

                    WriteMeasurements("OG", analyzed.Select(a => ((int)Math.Round(a * _rng.NextDouble() * 0.6)).ToString(CultureInfo.InvariantCulture)).ToArray());
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteEndObject();
            }
            else
            {
                string?[] timepoints = _all || Chance(0.15) ? ["Week 4", "Week 12"] : [null];
                foreach (var timepoint in timepoints)
                {
                    _w.WriteStartObject();
                    if (timepoint is not null)
                    {
                        _w.WriteString("title", timepoint);
                        _w.WriteStartArray("denoms");
                        WriteDenom("Participants", "OG", analyzed.Select(a => Math.Max(1, a - Between(0, 3))).ToArray());
                        _w.WriteEndArray();
                    }

                    _w.WriteStartArray("categories");
                    _w.WriteStartObject();
                    WriteContinuousMeasurements(t, analyzed.Length);
                    _w.WriteEndObject();
                    _w.WriteEndArray();
                    _w.WriteEndObject();
                }
            }

            _w.WriteEndArray();
        }

        private void WriteContinuousMeasurements(OutcomeTemplate t, int groupCount)
        {
            var limits = t.Dispersion is "95% Confidence Interval" or "Inter-Quartile Range" or "Full Range";
            var timeToEvent = t.Unit is "months" or "days";
            _w.WriteStartArray("measurements");
            for (var g = 0; g < groupCount; g++)
            {
                var value = t.Mean + (t.Spread * (_rng.NextDouble() - 0.5) * 1.2);
                _w.WriteStartObject();
                _w.WriteString("groupId", GroupId("OG", g));
                if (timeToEvent && Chance(0.08))
                {
                    _w.WriteString("value", "NA");
                    _w.WriteString("lowerLimit", "NA");
                    _w.WriteString("upperLimit", "NA");
                    _w.WriteString("comment", "Median was not estimable because fewer than 50% of participants had an event.");
                }
                else if (limits)
                {
                    _w.WriteString("value", FormatNumber(value, t.Decimals));
                    _w.WriteString("lowerLimit", FormatNumber(value - (t.Spread * (0.4 + _rng.NextDouble())), t.Decimals));
                    var upperNa = timeToEvent && Chance(0.2);
                    _w.WriteString("upperLimit", upperNa ? "NA" : FormatNumber(value + (t.Spread * (0.4 + _rng.NextDouble())), t.Decimals));
                    if (upperNa || _all && g == 0)
                    {
                        _w.WriteString("comment", "Upper limit was not estimable due to the low number of events.");
                    }
                }
                else
                {
                    _w.WriteString("value", FormatNumber(value, t.Decimals));
                    if (t.Dispersion == "Geometric Coefficient of Variation")
                    {
                        _w.WriteString("spread", FormatNumber(20 + (_rng.NextDouble() * 40), 1));
                    }
                    else if (t.Dispersion is not null)
                    {
                        _w.WriteString("spread", FormatNumber(t.Spread * (0.8 + (_rng.NextDouble() * 0.4)), Math.Max(1, t.Decimals)));
                    }
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteAnalyses(OutcomeTemplate t, int groupCount)
        {
            _w.WriteStartArray("analyses");
            var count = _all ? 2 : Weighted((1, 80), (2, 20));
            for (var a = 0; a < count; a++)
            {
                var all = _all && a == 0;
                var estimate = (_rng.NextDouble() - 0.5) * 4;
                var halfWidth = 0.3 + _rng.NextDouble();
                _w.WriteStartObject();
                _w.WriteStartArray("groupIds");
                _w.WriteStringValue(GroupId("OG", Math.Min(a, groupCount - 2)));
                _w.WriteStringValue(GroupId("OG", groupCount - 1));
                _w.WriteEndArray();
                if (Has(0.5))
                {
                    _w.WriteString("groupDescription", $"{_theme.Drug} versus comparator; null hypothesis of no difference.");
                }

                if (all || Chance(0.1))
                {
                    _w.WriteBoolean("testedNonInferiority", all || Chance(0.3));
                }

                _w.WriteString("nonInferiorityType", all ? "NON_INFERIORITY" : Weighted(("SUPERIORITY", 40), ("SUPERIORITY_OR_OTHER", 25),
                    ("NON_INFERIORITY", 12), ("EQUIVALENCE", 5), ("OTHER", 10), ("NON_INFERIORITY_OR_EQUIVALENCE", 4),
                    ("NON_INFERIORITY_OR_EQUIVALENCE_LEGACY", 2), ("SUPERIORITY_OR_OTHER_LEGACY", 2)));
                if (all || Chance(0.15))
                {
                    _w.WriteString("nonInferiorityComment", "Non-inferiority margin of 0.4 units, based on the minimal clinically important difference.");
                }

                if (Has(0.9))
                {
                    _w.WriteString("pValue", PValue());
                    if (Has(0.2))
                    {
                        _w.WriteString("pValueComment", "Two-sided, not adjusted for multiplicity.");
                    }

                    _w.WriteString("statisticalMethod", Pick(Catalog.StatisticalMethods));
                    if (all || Chance(0.1))
                    {
                        _w.WriteString("statisticalComment", "Model adjusted for baseline value and stratification factors.");
                    }
                }

                if (Has(0.95))
                {
                    _w.WriteString("paramType", t.ParamType == "MEDIAN" ? "Hazard Ratio (HR)" : Pick(["Mean Difference (Final Values)", "LS Mean Difference", "Odds Ratio (OR)"]));
                    _w.WriteString("paramValue", FormatNumber(estimate, 2));
                    _w.WriteString("ciPctValue", Pick(["95", "95", "90"]));
                    _w.WriteString("ciNumSides", all || Chance(0.9) ? "TWO_SIDED" : "ONE_SIDED");
                    _w.WriteString("ciLowerLimit", FormatNumber(estimate - halfWidth, 2));
                    _w.WriteString("ciUpperLimit", FormatNumber(estimate + halfWidth, 2));
                    if (all || Chance(0.01))
                    {
                        _w.WriteString("ciLowerLimitComment", "Lower limit derived by bootstrap.");
                        _w.WriteString("ciUpperLimitComment", "Upper limit derived by bootstrap.");
                    }

                    if (Has(0.15))
                    {
                        _w.WriteString("estimateComment", "Estimate is comparator minus experimental.");
                    }

                    if (Has(0.35))
                    {
                        _w.WriteString("dispersionType", Pick(["STANDARD_ERROR_OF_MEAN", "STANDARD_DEVIATION"]));
                        _w.WriteString("dispersionValue", FormatNumber(halfWidth / 1.96, 2));
                    }
                }
                else
                {
                    _w.WriteString("otherAnalysisDescription", "Descriptive comparison only; no formal hypothesis test was planned.");
                }

                if (all)
                {
                    _w.WriteString("otherAnalysisDescription", "Sensitivity analysis using multiple imputation for missing data.");
                }

                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteAdverseEventsModule()
        {
            var atRisk = _started;
            var withDeaths = Has(0.85);
            var seriousAffected = atRisk.Select(n => (int)Math.Round(n * _rng.NextDouble() * 0.15)).ToArray();
            var otherAffected = atRisk.Select(n => (int)Math.Round(n * (0.1 + (_rng.NextDouble() * 0.5)))).ToArray();

            _w.WriteStartObject("adverseEventsModule");
            _w.WriteString("frequencyThreshold", Pick(["5", "5", "5", "0", "2", "1"]));
            if (Has(0.85))
            {
                _w.WriteString("timeFrame", "From first dose until 30 days after the last dose, up to 56 weeks.");
            }

            if (Has(0.6))
            {
                _w.WriteString("description", "Safety population: all participants who received at least one dose of study intervention.");
            }

            if (_all || Chance(0.01))
            {
                _w.WriteString("allCauseMortalityComment", "Deaths are reported for the on-treatment period only.");
            }

            _w.WriteStartArray("eventGroups");
            for (var g = 0; g < _arms.Count; g++)
            {
                _w.WriteStartObject();
                _w.WriteString("id", GroupId("EG", g));
                _w.WriteString("title", _arms[g].Label);
                if (Has(0.98))
                {
                    _w.WriteString("description", _arms[g].Description);
                }

                if (withDeaths)
                {
                    _w.WriteNumber("deathsNumAffected", Math.Min(seriousAffected[g], Between(0, 2)));
                    _w.WriteNumber("deathsNumAtRisk", atRisk[g]);
                }

                _w.WriteNumber("seriousNumAffected", seriousAffected[g]);
                _w.WriteNumber("seriousNumAtRisk", atRisk[g]);
                _w.WriteNumber("otherNumAffected", otherAffected[g]);
                _w.WriteNumber("otherNumAtRisk", atRisk[g]);
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            if (seriousAffected.Any(n => n > 0) && Has(0.8) || _all)
            {
                WriteAdverseEvents("seriousEvents", Catalog.SeriousEvents, atRisk, seriousAffected);
            }

            if (otherAffected.Any(n => n > 0) && Has(0.9) || _all)
            {
                WriteAdverseEvents("otherEvents", Catalog.OtherEvents, atRisk, otherAffected);
            }

            _w.WriteEndObject();
        }

        private void WriteAdverseEvents(string property, (string Term, string OrganSystem)[] catalog, int[] atRisk, int[] affected)
        {
            var vocabulary = Has(0.85) ? Pick(Catalog.Vocabularies) : null;
            var withEvents = Has(0.7);
            var assessment = Has(0.95) ? Weighted(("SYSTEMATIC_ASSESSMENT", 70), ("NON_SYSTEMATIC_ASSESSMENT", 30)) : null;
            _w.WriteStartArray(property);
            foreach (var (term, organSystem) in Distinct(catalog, _all ? 3 : Between(1, catalog.Length)))
            {
                _w.WriteStartObject();
                _w.WriteString("term", term);
                _w.WriteString("organSystem", organSystem);
                if (vocabulary is not null)
                {
                    _w.WriteString("sourceVocabulary", vocabulary);
                }

                if (assessment is not null)
                {
                    _w.WriteString("assessmentType", assessment);
                }

                if (Has(0.08))
                {
                    _w.WriteString("notes", "Not considered related to study treatment by the investigator.");
                }

                _w.WriteStartArray("stats");
                for (var g = 0; g < atRisk.Length; g++)
                {
                    var numAffected = Between(0, Math.Max(0, affected[g]));
                    _w.WriteStartObject();
                    _w.WriteString("groupId", GroupId("EG", g));
                    if (withEvents)
                    {
                        _w.WriteNumber("numEvents", numAffected + (numAffected > 0 ? Between(0, 3) : 0));
                    }

                    _w.WriteNumber("numAffected", numAffected);
                    _w.WriteNumber("numAtRisk", atRisk[g]);
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        private void WriteMoreInfoModule()
        {
            _w.WriteStartObject("moreInfoModule");
            if (_status == "TERMINATED" && Has(0.6) || _all || Chance(0.1))
            {
                _w.WriteStartObject("limitationsAndCaveats");
                _w.WriteString("description", _status == "TERMINATED"
                    ? "The study was terminated early; the small number of participants limits the interpretation of the results."
                    : "Open-label design; outcomes were self-reported.");
                _w.WriteEndObject();
            }

            _w.WriteStartObject("certainAgreement");
            var employee = !_all && _sponsor.Class == "INDUSTRY" && Chance(0.5);
            _w.WriteBoolean("piSponsorEmployee", employee);
            if (!employee && Has(0.4))
            {
                _w.WriteString("restrictionType", Pick(["LTE60", "GT60", "OTHER"]));
            }

            if (Has(0.82))
            {
                _w.WriteBoolean("restrictiveAgreement", !employee);
            }

            if (!employee && Has(0.2))
            {
                _w.WriteString("otherDetails", "The sponsor may review results communications 60 days before submission and request deletion of confidential information.");
            }

            _w.WriteEndObject();

            var contact = NewPerson();
            _w.WriteStartObject("pointOfContact");
            _w.WriteString("title", Pick(["Clinical Trials Disclosure Office", $"{contact.FullName}, Principal Investigator", "Study Director"]));
            _w.WriteString("organization", _sponsor.Name);
            if (Has(0.98))
            {
                _w.WriteString("email", contact.Email);
            }

            if (Has(0.98))
            {
                _w.WriteString("phone", Phone());
                if (Has(0.07))
                {
                    _w.WriteString("phoneExt", Between(100, 9999).ToString(CultureInfo.InvariantCulture));
                }
            }

            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        // ---------------------------------------------------------------- documentSection, annotationSection

        private void WriteDocumentSection()
        {
            _w.WriteStartObject("documentSection");
            _w.WriteStartObject("largeDocumentModule");
            var documents = _all
                ? Catalog.LargeDocuments.ToList()
                : Distinct(Catalog.LargeDocuments, Weighted((1, 60), (2, 30), (3, 10)));
            _w.WriteStartArray("largeDocs");
            var documentDate = _dates.Start.AddDays(-Between(30, 200));
            var upload = (_dates.ResultsSubmit ?? _dates.Completion).ToDateTime(new TimeOnly(Between(7, 18), Between(0, 59)));
            for (var i = 0; i < documents.Count; i++)
            {
                var (abbrev, label, protocol, sap, icf) = documents[i];
                _w.WriteStartObject();
                _w.WriteString("typeAbbrev", abbrev);
                _w.WriteBoolean("hasProtocol", protocol);
                _w.WriteBoolean("hasSap", sap);
                _w.WriteBoolean("hasIcf", icf);
                _w.WriteString("label", label);
                _w.WriteString("date", Day(documentDate.AddDays(i * 7)));
                _w.WriteString("uploadDate", upload.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
                _w.WriteString("filename", $"{abbrev}_{i:D3}.pdf");
                _w.WriteNumber("size", (long)Between(120_000, 24_000_000));
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            if (_all || documents.All(d => !d.HasSap) && Chance(0.2))
            {
                _w.WriteBoolean("noSap", true);
            }

            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        private void WriteAnnotationSection()
        {
            var unposted = Has(0.85);
            _w.WriteStartObject("annotationSection");
            _w.WriteStartObject("annotationModule");
            var submitted = _dates.Completion.AddDays(Between(200, 400));
            if (unposted)
            {
                _w.WriteStartObject("unpostedAnnotation");
                _w.WriteString("unpostedResponsibleParty", $"{NewPerson().FullName}, Principal Investigator, {_sponsor.Name}");
                _w.WriteStartArray("unpostedEvents");
                var events = _all ? 3 : Between(1, 3);
                for (var e = 0; e < events; e++)
                {
                    _w.WriteStartObject();
                    _w.WriteString("type", e % 2 == 0 ? "RELEASE" : Pick(["RESET", "UNRELEASE"]));
                    _w.WriteString("date", Day(submitted.AddDays(e * 30)));
                    if (_all && e == events - 1)
                    {
                        _w.WriteBoolean("dateUnknown", false);
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            if (Has(0.1) || !unposted)
            {
                var identified = submitted.AddDays(Between(30, 90));
                _w.WriteStartObject("violationAnnotation");
                _w.WriteStartArray("violationEvents");
                _w.WriteStartObject();
                _w.WriteString("type", "VIOLATION_IDENTIFIED");
                _w.WriteString("description", "Failure to submit required clinical trial results information.");
                _w.WriteString("creationDate", Day(identified));
                _w.WriteString("issuedDate", Day(identified.AddDays(-3)));
                _w.WriteString("releaseDate", Day(identified.AddDays(30)));
                _w.WriteString("postedDate", Day(identified.AddDays(1)));
                _w.WriteEndObject();
                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        // ---------------------------------------------------------------- derivedSection

        private void WriteDerivedSection()
        {
            _w.WriteStartObject("derivedSection");
            WriteMiscInfoModule();
            if (Has(0.85))
            {
                WriteBrowseModule("conditionBrowseModule", _theme.ConditionMeshes, _theme.ConditionAncestors, _theme.ConditionBranches, "All Conditions", _theme.Conditions[0]);
            }

            if (_theme.InterventionMeshes.Length > 0 && _interventions.Count > 0 && Has(0.35))
            {
                WriteBrowseModule("interventionBrowseModule", _theme.InterventionMeshes, _theme.InterventionAncestors, _theme.InterventionBranches, "All Drugs and Chemicals", _theme.Comparator);
            }

            _w.WriteEndObject();
        }

        private void WriteMiscInfoModule()
        {
            _w.WriteStartObject("miscInfoModule");
            _w.WriteString("versionHolder", Day(Snapshot));
            if (Has(0.015))
            {
                WriteStrings("removedCountries", Distinct(Catalog.RemovedCountries, Between(1, 2)));
            }

            if (Has(0.03))
            {
                var submitted = Min(_dates.Completion.AddDays(Between(200, 380)), Snapshot.AddDays(-60));
                _w.WriteStartObject("submissionTracking");
                if (Has(0.6))
                {
                    _w.WriteString("estimatedResultsFirstSubmitDate", Day(submitted));
                }

                if (Has(0.5))
                {
                    _w.WriteStartObject("firstMcpInfo");
                    WriteDateStruct("postDateStruct", submitted.AddDays(Between(30, 50)), "ACTUAL");
                    _w.WriteEndObject();
                }

                _w.WriteStartArray("submissionInfos");
                for (var i = 0; i < (_all ? 2 : Between(1, 2)); i++)
                {
                    var release = submitted.AddDays(i * 45);
                    _w.WriteStartObject();
                    _w.WriteString("releaseDate", Day(release));
                    if (_all || Chance(0.05))
                    {
                        _w.WriteString("unreleaseDate", Day(release.AddDays(10)));
                        _w.WriteBoolean("unreleaseDateUnknown", false);
                    }

                    if (Has(0.8))
                    {
                        _w.WriteString("resetDate", Day(release.AddDays(Between(20, 40))));
                    }

                    if (Has(0.3))
                    {
                        _w.WriteNumber("mcpReleaseN", i + 1);
                    }

                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteEndObject();
            }

            _w.WriteEndObject();
        }

        private void WriteBrowseModule(string property, Mesh[] meshes, Mesh[] ancestors, Branch[] branches, string allBranchName, string asFound)
        {
            var hasAncestors = ancestors.Length > 0 && Has(0.97);
            var hasLeaves = Has(0.8);
            _w.WriteStartObject(property);
            WriteMeshes("meshes", Distinct(meshes, _all ? meshes.Length : Between(1, meshes.Length)));
            if (hasAncestors)
            {
                WriteMeshes("ancestors", ancestors);
            }

            if (hasLeaves)
            {
                _w.WriteStartArray("browseLeaves");
                foreach (var (mesh, high) in meshes.Select(m => (m, true)).Concat(ancestors.Select(a => (a, false))))
                {
                    _w.WriteStartObject();
                    _w.WriteString("id", "M" + ((int.Parse(mesh.Id.AsSpan(1), CultureInfo.InvariantCulture) % 90_000) + 1_000).ToString(CultureInfo.InvariantCulture));
                    _w.WriteString("name", mesh.Term);
                    if (high && Has(0.9))
                    {
                        _w.WriteString("asFound", asFound);
                    }

                    _w.WriteString("relevance", high ? "HIGH" : "LOW");
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteStartArray("browseBranches");
                foreach (var branch in branches.Append(new Branch("All", allBranchName)))
                {
                    _w.WriteStartObject();
                    _w.WriteString("abbrev", branch.Abbrev);
                    _w.WriteString("name", branch.Name);
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
            }

            _w.WriteEndObject();
        }

        private void WriteMeshes(string property, IEnumerable<Mesh> meshes)
        {
            _w.WriteStartArray(property);
            foreach (var mesh in meshes)
            {
                _w.WriteStartObject();
                _w.WriteString("id", mesh.Id);
                _w.WriteString("term", mesh.Term);
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        // ---------------------------------------------------------------- small writers and value helpers

        private void WriteStrings(string property, IEnumerable<string> values)
        {
            _w.WriteStartArray(property);
            foreach (var value in values)
            {
                _w.WriteStringValue(value);
            }

            _w.WriteEndArray();
        }

        private void WriteOptionalBoolean(string property, bool? value)
        {
            if (value is { } flag)
            {
                _w.WriteBoolean(property, flag);
            }
        }

        private void WriteDateStruct(string property, DateOnly date, string type)
        {
            _w.WriteStartObject(property);
            _w.WriteString("date", Day(date));
            _w.WriteString("type", type);
            _w.WriteEndObject();
        }

        private void WritePartialDateStruct(string property, DateOnly date, DateOnly lastUpdate, bool monthPrecision, bool withType)
        {
            _w.WriteStartObject(property);
            _w.WriteString("date", monthPrecision ? Month(date) : Day(date));
            if (withType)
            {
                _w.WriteString("type", date <= lastUpdate ? "ACTUAL" : "ESTIMATED");
            }

            _w.WriteEndObject();
        }

        /// <summary>True with the given probability, and always in the kitchen-sink study.</summary>
        private bool Has(double probability) => _all || _rng.NextDouble() < probability;

        /// <summary>True with the given probability, also in the kitchen-sink study.</summary>
        private bool Chance(double probability) => _rng.NextDouble() < probability;

        private int Between(int min, int maxInclusive) => _rng.Next(min, maxInclusive + 1);

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private T Weighted<T>(params (T Value, int Weight)[] options)
        {
            var roll = _rng.Next(options.Sum(o => o.Weight));
            foreach (var (value, weight) in options)
            {
                if (roll < weight)
                {
                    return value;
                }

                roll -= weight;
            }

            return options[^1].Value;
        }

        /// <summary><paramref name="count"/> distinct items of <paramref name="items"/>, in catalog order.</summary>
        private List<T> Distinct<T>(IReadOnlyList<T> items, int count)
        {
            var indexes = Enumerable.Range(0, items.Count).ToList();
            Shuffle(indexes, specificFirst: 0);
            return indexes.Take(Math.Clamp(count, 1, items.Count)).Order().Select(i => items[i]).ToList();
        }

        /// <summary>Fisher–Yates shuffle; the first <paramref name="specificFirst"/> items are shuffled among themselves and kept first.</summary>
        private void Shuffle<T>(List<T> items, int specificFirst)
        {
            void ShuffleRange(int from, int to)
            {
                for (var i = to - 1; i > from; i--)
                {
                    var j = _rng.Next(from, i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }

            ShuffleRange(0, specificFirst);
            ShuffleRange(specificFirst, items.Count);
        }

        private DateOnly SkewedRecentDate(DateOnly min, DateOnly max)
        {
            var span = max.DayNumber - min.DayNumber;
            return DateOnly.FromDayNumber(min.DayNumber + (int)(span * Math.Sqrt(_rng.NextDouble())));
        }

        /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> non-negative counts.</summary>
        private int[] SplitCount(int total, int parts)
        {
            var result = new int[parts];
            for (var i = 0; i < total; i++)
            {
                result[_rng.Next(parts)]++;
            }

            return result;
        }

        /// <summary>A share of each group count; the "Total" group (last, if present) is the sum of the others.</summary>
        private int[] SplitByShare(int[] counts, bool lastIsTotal, double share)
        {
            var groups = lastIsTotal ? counts.Length - 1 : counts.Length;
            var result = new int[counts.Length];
            for (var g = 0; g < groups; g++)
            {
                var value = (int)Math.Round(counts[g] * share * (0.8 + (_rng.NextDouble() * 0.4)));
                result[g] = Math.Clamp(value, 0, counts[g]);
            }

            if (lastIsTotal)
            {
                result[^1] = result[..^1].Sum();
            }

            return result;
        }

        /// <summary>Formats a result number the way the registry stores them: "12.5", ".17", "-.90", "20,200".</summary>
        private string FormatNumber(double value, int decimals)
        {
            var rounded = Math.Round(value, decimals);
            if (rounded == 0)
            {
                return decimals == 0 ? "0" : "0." + new string('0', decimals);
            }

            var text = Math.Abs(rounded) >= 1000 && Chance(0.6)
                ? rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (Math.Abs(rounded) < 1 && Chance(0.35))
            {
                text = text.Replace("0.", ".", StringComparison.Ordinal);
            }

            return text;
        }

        private string PValue()
        {
            var p = Math.Pow(_rng.NextDouble(), 2.5);
            if (p < 0.001)
            {
                return Pick(["<0.001", "<0.0001", "< 0.001"]);
            }

            var threePlaces = p.ToString("0.000", CultureInfo.InvariantCulture);
            return Weighted((threePlaces, 60), ("=" + threePlaces, 10), (p.ToString("0.00", CultureInfo.InvariantCulture), 20),
                ("<" + (Math.Ceiling(p * 100) / 100).ToString("0.00", CultureInfo.InvariantCulture), 10));
        }

        private static string Duration(int value, string unit) => $"{value.ToString(CultureInfo.InvariantCulture)} {unit}{(value == 1 ? string.Empty : "s")}";

        private Person NewPerson()
        {
            var (first, firstAscii) = Pick(Catalog.FirstNames);
            var (last, lastAscii) = Pick(Catalog.LastNames);
            var degree = Pick(Catalog.Degrees);
            var email = $"{firstAscii.ToLowerInvariant()}.{lastAscii.ToLowerInvariant()}@{_sponsor.Domain}";
            return new Person(degree.Length == 0 ? $"{first} {last}" : $"{first} {last}, {degree}", email);
        }

        private string Phone() => _rng.Next(3) switch
        {
            0 => $"{Between(201, 989)}-555-{Between(100, 199):D4}",
            1 => $"+41 44 555 {Between(10, 99)} {Between(10, 99)}",
            _ => $"+55 11 5555-{Between(1000, 9999)}",
        };

        private string Citation()
        {
            var authors = string.Join(", ", Enumerable.Range(0, Between(1, 4)).Select(_ => $"{Pick(Catalog.LastNames).Display} {(char)('A' + _rng.Next(26))}"));
            var year = Between(2005, 2025);
            return $"{authors}. {Pick(Catalog.CitationTitles)} {_theme.Conditions[0].ToLowerInvariant()}. {Pick(Catalog.Journals)}. {year.ToString(CultureInfo.InvariantCulture)};{Between(1, 80)}({Between(1, 12)}):{Between(100, 900)}-{Between(901, 999)}. doi: 10.5555/synth.{year}.{Between(1000, 9999)}";
        }

        private static string GroupId(string prefix, int index) => prefix + index.ToString("D3", CultureInfo.InvariantCulture);

        private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        /// <summary>Title Case as in registry titles: "adults with type 2 diabetes" → "Adults With Type 2 Diabetes".</summary>
        private static string TitleCase(string text) => string.Join(' ', text.Split(' ').Select((word, i) =>
            i > 0 && word is "a" or "an" or "and" or "in" or "of" or "on" or "or" or "the" or "to" ? word : char.ToUpperInvariant(word[0]) + word[1..]));
    }

    // -------------------------------------------------------------------- plan and catalog types

    private sealed record StudyDates(
        DateOnly FirstSubmit, DateOnly FirstQc, DateOnly FirstPost,
        DateOnly Start, DateOnly PrimaryCompletion, DateOnly Completion,
        DateOnly? ResultsSubmit, DateOnly? ResultsQc, DateOnly? ResultsPost, DateOnly? DispSubmit,
        bool MonthPrecision, bool StartTypeMissing);

    private sealed record Arm(string Label, string? Type, string Description, List<int> InterventionIndexes);

    private sealed record Intervention(string Type, string Name, string Description, string[] OtherNames)
    {
        public string DisplayName => $"{Catalog.InterventionTypeLabels[Type]}: {Name}";
    }

    private sealed record PlannedOutcome(string Type, OutcomeTemplate Template);

    private sealed record Person(string FullName, string Email);

    private sealed record Organization(string Name, string Class, string Code, string Domain);

    private sealed record City(string Name, string? State, string? Zip, string Country, double Lat, double Lon, string Facility);

    private sealed record Mesh(string Id, string Term);

    private sealed record Branch(string Abbrev, string Name);

    /// <summary>
    /// A planned outcome measure. <c>Dispersion</c> is the free-text label outcome measures use ("Standard Deviation",
    /// "95% Confidence Interval", ...); <c>Mean</c>/<c>Spread</c> drive the invented values.
    /// </summary>
    private sealed record OutcomeTemplate(
        string Measure, string Description, string TimeFrame, string Unit, string ParamType, string? Dispersion,
        double Mean, double Spread, int Decimals, string[]? Categories = null);

    private sealed record Theme(
        string Acronym, string[] Conditions, string[] Keywords, string Population, string Background,
        string Drug, string DrugCode, string DrugType, string DrugDescription, string Schedule, string DoseUnit, int[] Doses,
        string Comparator, string ComparatorType,
        string[] Inclusion, string[] Exclusion,
        Mesh[] ConditionMeshes, Mesh[] ConditionAncestors, Branch[] ConditionBranches,
        Mesh[] InterventionMeshes, Mesh[] InterventionAncestors, Branch[] InterventionBranches,
        OutcomeTemplate[] Outcomes, string? Sex = null, bool HealthyVolunteers = false, string AnalysisUnits = "Visits");

    /// <summary>Invented names and texts the studies are assembled from (MeSH terms and city coordinates are public vocabulary).</summary>
    private static class Catalog
    {
        public static readonly Dictionary<string, string> InterventionTypeLabels = new()
        {
            ["BEHAVIORAL"] = "Behavioral",
            ["BIOLOGICAL"] = "Biological",
            ["COMBINATION_PRODUCT"] = "Combination Product",
            ["DEVICE"] = "Device",
            ["DIAGNOSTIC_TEST"] = "Diagnostic Test",
            ["DIETARY_SUPPLEMENT"] = "Dietary Supplement",
            ["DRUG"] = "Drug",
            ["GENETIC"] = "Genetic",
            ["PROCEDURE"] = "Procedure",
            ["RADIATION"] = "Radiation",
            ["OTHER"] = "Other",
        };

        public static readonly string[] WhoMasked = ["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"];

        public static readonly string[] ExpandedAccessStatuses = ["AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING"];

        public static readonly string[][] DrugPhases = [["PHASE1"], ["PHASE1", "PHASE2"], ["PHASE2"], ["PHASE2"], ["PHASE2", "PHASE3"], ["PHASE3"], ["PHASE3"], ["PHASE4"], ["EARLY_PHASE1"]];

        public static readonly string[][] NonDrugPhases = [["NA"], ["NA"], ["NA"], ["PHASE2"]];

        public static readonly (string Type, string Name, string Description)[] ObservationalInterventions =
        [
            ("OTHER", "No Intervention", "Observational cohort; no study intervention is administered."),
            ("DIAGNOSTIC_TEST", "Serum Biomarker Panel", "Blood sampling at baseline, 6 and 12 months for a multiplex biomarker panel."),
            ("PROCEDURE", "Standardized Clinical Assessment", "Structured examination and questionnaires at each routine visit."),
            ("GENETIC", "Whole-Exome Sequencing", "Germline exome sequencing from a single blood sample."),
            ("RADIATION", "Low-Dose CT Scan", "Low-dose computed tomography at baseline."),
            ("DIETARY_SUPPLEMENT", "Vitamin D3", "Usual vitamin D3 supplementation as prescribed by the treating physician."),
            ("COMBINATION_PRODUCT", "Prefilled Autoinjector", "Marketed drug–device combination used as prescribed."),
        ];

        public static readonly Organization[] Organizations =
        [
            new("Meridian Therapeutics, Inc.", "INDUSTRY", "MTX", "meridian-tx.example.com"),
            new("Halcyon Biopharma AG", "INDUSTRY", "HBP", "halcyon-bio.example.com"),
            new("Northbridge University", "OTHER", "NBU", "northbridge.example.edu"),
            new("Universitätsklinikum Rheinau", "OTHER", "UKR", "uk-rheinau.example.de"),
            new("Fundação de Pesquisa Clínica São Bento", "OTHER", "FPCSB", "fpcsb.example.org.br"),
            new("Lakeshore Medical Center", "OTHER", "LMC", "lakeshore-med.example.org"),
            new("National Institute of Clinical Sciences (NICS)", "NIH", "NICS", "nics.example.gov"),
            new("Office of Veterans Health Research", "FED", "OVHR", "ovhr.example.gov"),
            new("Regional Health Authority of Nordvik", "OTHER_GOV", "RHAN", "rha-nordvik.example.no"),
            new("Pan-European Clinical Trials Network", "NETWORK", "PECTN", "pectn.example.eu"),
            new("Dr. Elena Varga", "INDIV", "EV", "varga-clinic.example.com"),
            new("Consorcio Ibérico de Ensayos Clínicos", "NETWORK", "CIEC", "ciec.example.es"),
            new("Coastal Health Partners", "AMBIG", "CHP", "coastal-health.example.org"),
            new("Riverside Research Group", "UNKNOWN", "RRG", "riverside-rg.example.org"),
        ];

        public static readonly City[] Cities =
        [
            new("Boston", "Massachusetts", "02114", "United States", 42.35843, -71.05977, "Harborview Clinical Research Unit"),
            new("Houston", "Texas", "77030", "United States", 29.76328, -95.36327, "Gulf Coast Medical Research Center"),
            new("Seattle", "Washington", "98104", "United States", 47.60621, -122.33207, "Puget Sound Research Clinic"),
            new("Chicago", "Illinois", "60611-2927", "United States", 41.85003, -87.65005, "Lakeshore Medical Center"),
            new("Zürich", null, "8091", "Switzerland", 47.36667, 8.55, "Klinik Hirslanden-Nord Forschungszentrum"),
            new("São Paulo", "São Paulo", "01246-903", "Brazil", -23.5475, -46.63611, "Centro de Pesquisa Clínica Paulista"),
            new("Montréal", "Quebec", "H3A 1A1", "Canada", 45.50884, -73.58781, "Centre de recherche clinique du Mont-Royal"),
            new("Köln", "Nordrhein-Westfalen", "50937", "Germany", 50.93333, 6.95, "Universitätsklinikum Rheinau, Studienzentrum Köln"),
            new("Kraków", "Małopolskie", "31-501", "Poland", 50.06143, 19.93658, "Centrum Badań Klinicznych Wawel"),
            new("Madrid", null, "28046", "Spain", 40.4165, -3.70256, "Hospital Universitario del Retiro"),
            new("Lyon", null, "69003", "France", 45.74846, 4.84671, "Centre d'Investigation Clinique Rhône"),
            new("Seoul", null, "03080", "Korea, Republic of", 37.566, 126.9784, "Han River Clinical Trial Center"),
            new("Tokyo", null, null, "Japan", 35.6895, 139.69171, "Shinjuku Clinical Research Clinic"),
            new("Melbourne", "Victoria", "3004", "Australia", -37.814, 144.96332, "Yarra Clinical Research"),
            new("Göteborg", null, "413 45", "Sweden", 57.70716, 11.96679, "Västra Clinical Trial Unit"),
            new("Ciudad de México", "Ciudad de México", "14080", "Mexico", 19.42847, -99.12766, "Instituto de Investigación Clínica Chapultepec"),
        ];

        public static readonly (string Display, string Ascii)[] FirstNames =
        [
            ("Anna", "Anna"), ("José", "Jose"), ("Łukasz", "Lukasz"), ("Søren", "Soren"), ("François", "Francois"),
            ("Mei", "Mei"), ("Hiroshi", "Hiroshi"), ("Priya", "Priya"), ("Olumide", "Olumide"), ("Zoë", "Zoe"),
            ("Matteo", "Matteo"), ("Ingrid", "Ingrid"), ("Carlos", "Carlos"), ("Fatima", "Fatima"), ("David", "David"),
            ("Sarah", "Sarah"), ("Jürgen", "Juergen"), ("Aylin", "Aylin"), ("Min-jun", "Minjun"), ("Laura", "Laura"),
        ];

        public static readonly (string Display, string Ascii)[] LastNames =
        [
            ("Müller", "Mueller"), ("García", "Garcia"), ("Kowalski", "Kowalski"), ("Nakamura", "Nakamura"), ("Okafor", "Okafor"),
            ("Lindqvist", "Lindqvist"), ("Rossi", "Rossi"), ("Dubois", "Dubois"), ("Chen", "Chen"), ("Patel", "Patel"),
            ("O'Brien", "Obrien"), ("Silva", "Silva"), ("Novák", "Novak"), ("Kim", "Kim"), ("Johansson", "Johansson"),
            ("Schmidt", "Schmidt"), ("Haddad", "Haddad"), ("Nguyen", "Nguyen"), ("Walker", "Walker"), ("Ferreira", "Ferreira"),
        ];

        public static readonly string[] Degrees = ["MD", "MD", "MD, PhD", "PhD", "MSc", "RN", "PharmD", "DO", ""];

        public static readonly string[] InvestigatorTitles = ["Professor of Medicine", "Principal Investigator", "Associate Professor", "Chief, Division of Clinical Research", "Consultant Physician"];

        public static readonly string[] ObservationalTitlePrefixes = ["A Prospective Registry of", "Natural History Study in", "Long-Term Outcomes in", "Biomarkers of Disease Progression in"];

        public static readonly string[] TitleDesigns = ["Randomized, Double-Blind, Placebo-Controlled", "Multicenter, Open-Label", "Randomized, Parallel-Group", "Phase 2, Dose-Ranging", "Pragmatic, Multicenter"];

        public static readonly string[] WhyStopped =
        [
            "Slow enrollment",
            "Sponsor decision based on a portfolio review; no safety concerns.",
            "Futility at the pre-specified interim analysis",
            "Funding ended",
            "PI left the institution",
            "Study drug supply interrupted",
        ];

        public static readonly string[] StatisticalParagraphs =
        [
            "The primary endpoint is analyzed with a mixed model for repeated measures including treatment, visit, treatment-by-visit interaction and the baseline value as covariates. Missing data are assumed missing at random; a tipping-point analysis assesses the robustness of this assumption. Secondary endpoints are tested hierarchically to control the family-wise type I error rate at 5%.",
            "Time-to-event endpoints are compared with a stratified log-rank test and hazard ratios are estimated with a Cox proportional hazards model. Participants without an event are censored at the date of last contact. An interim analysis for futility is planned after 50% of the expected events (O'Brien–Fleming boundary).",
            "Binary endpoints are compared with the Cochran–Mantel–Haenszel test stratified by region; participants with missing data are counted as non-responders. Continuous endpoints use ANCOVA with multiple imputation under a jump-to-reference assumption.",
            "Descriptive statistics are reported by cohort. Associations between baseline characteristics and outcomes are explored with multivariable regression models adjusted for age, sex and disease duration; no formal hypothesis testing is planned.",
        ];

        public static readonly string[] GenericInclusion =
        [
            "Women of childbearing potential must use a highly effective method of contraception (failure rate \\< 1% per year) during the study",
            "Body weight ≥ 40 kg and ≤ 150 kg",
            "Adequate hematologic, hepatic and renal function at screening",
            "Willing to comply with all study visits and procedures, including the electronic diary",
            "Negative serum pregnancy test at screening for women of childbearing potential",
        ];

        public static readonly string[] GenericExclusion =
        [
            "Pregnant or breastfeeding women",
            "ALT or AST \\> 3 × upper limit of normal, or total bilirubin \\> 1.5 × upper limit of normal",
            "Known hypersensitivity to the study intervention or any of its excipients",
            "Active malignancy within 5 years, except adequately treated basal cell carcinoma of the skin",
            "Any condition that, in the opinion of the investigator, would compromise participant safety or data integrity",
            "Known HIV infection, or active hepatitis B or C infection",
            "Alcohol or substance use disorder within 12 months before screening",
        ];

        public static readonly string[] DropReasons = ["Adverse Event", "Lost to Follow-up", "Withdrawal by Subject", "Physician Decision", "Protocol Violation", "Lack of Efficacy", "Death", "Sponsor decision"];

        public static readonly string[] RaceCategories =
        [
            "White", "Black or African American", "Asian", "American Indian or Alaska Native",
            "Native Hawaiian or Other Pacific Islander", "More than one race", "Unknown or Not Reported",
        ];

        public static readonly string[] StatisticalMethods = ["ANCOVA", "Mixed Models Analysis", "t-test, 2 sided", "Fisher Exact", "Log Rank", "Cochran-Mantel-Haenszel", "Regression, Cox"];

        public static readonly string[] Vocabularies = ["MedDRA 26.0", "MedDRA (25.1)", "MedDRA", "CTCAE (5.0)"];

        public static readonly (string Term, string OrganSystem)[] SeriousEvents =
        [
            ("Pneumonia", "Infections and infestations"),
            ("Atrial fibrillation", "Cardiac disorders"),
            ("Myocardial infarction", "Cardiac disorders"),
            ("Acute kidney injury", "Renal and urinary disorders"),
            ("Fall", "Injury, poisoning and procedural complications"),
            ("Sepsis", "Infections and infestations"),
            ("Pulmonary embolism", "Respiratory, thoracic and mediastinal disorders"),
            ("Cellulitis", "Infections and infestations"),
            ("Syncope", "Nervous system disorders"),
            ("Cholecystitis", "Hepatobiliary disorders"),
            ("Cardiac failure congestive", "Cardiac disorders"),
        ];

        public static readonly (string Term, string OrganSystem)[] OtherEvents =
        [
            ("Nausea", "Gastrointestinal disorders"),
            ("Headache", "Nervous system disorders"),
            ("Fatigue", "General disorders"),
            ("Dizziness", "Nervous system disorders"),
            ("Nasopharyngitis", "Infections and infestations"),
            ("Diarrhoea", "Gastrointestinal disorders"),
            ("Rash", "Skin and subcutaneous tissue disorders"),
            ("Arthralgia", "Musculoskeletal and connective tissue disorders"),
            ("Injection site reaction", "General disorders"),
            ("Cough", "Respiratory, thoracic and mediastinal disorders"),
            ("Back pain", "Musculoskeletal and connective tissue disorders"),
            ("Upper respiratory tract infection", "Infections and infestations"),
            ("Insomnia", "Psychiatric disorders"),
            ("Constipation", "Gastrointestinal disorders"),
            ("Pruritus", "Skin and subcutaneous tissue disorders"),
            ("Hypertension", "Vascular disorders"),
            ("Anaemia", "Blood and lymphatic system disorders"),
            ("Urinary tract infection", "Infections and infestations"),
        ];

        public static readonly (string Abbrev, string Label, bool HasProtocol, bool HasSap, bool HasIcf)[] LargeDocuments =
        [
            ("Prot_SAP", "Study Protocol and Statistical Analysis Plan", true, true, false),
            ("Prot", "Study Protocol", true, false, false),
            ("SAP", "Statistical Analysis Plan", false, true, false),
            ("ICF", "Informed Consent Form", false, false, true),
        ];

        public static readonly string[] RemovedCountries = ["Canada", "Belgium", "Argentina", "Türkiye"];

        public static readonly string[] Journals = ["J Clin Synth Med", "Ann Trial Methods", "Eur J Invented Res", "Int J Demo Stud"];

        public static readonly string[] CitationTitles =
        [
            "Design and rationale of a randomized trial in",
            "Long-term safety outcomes in",
            "Patient-reported outcomes and adherence in",
            "Secondary analysis of a multicentre study in",
        ];

        public static readonly OutcomeTemplate[] GenericOutcomes =
        [
            new("Number of Participants With Treatment-Emergent Adverse Events (TEAEs)",
                "A TEAE is any adverse event with onset on or after the first dose of study intervention.",
                "From first dose up to 30 days after the last dose (up to 56 weeks)", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0),
            new("Change From Baseline in EQ-5D-5L Index Score at Week 24",
                "The EQ-5D-5L index ranges from −0.594 to 1; higher scores indicate better health.",
                "Baseline, Week 24", "score on a scale", "LEAST_SQUARES_MEAN", "Standard Error", 0.05, 0.12, 2),
            new("Maximum Plasma Concentration (Cmax) of Study Drug",
                "Cmax was derived by non-compartmental analysis.",
                "Pre-dose and 0.5, 1, 2, 4, 8 and 24 hours post-dose on Day 1", "ng/mL", "GEOMETRIC_MEAN", "Geometric Coefficient of Variation", 20200, 4200, 0),
            new("Time to Treatment Discontinuation",
                "Time from first dose to permanent discontinuation of study treatment for any reason.",
                "Up to 3 years", "days", "MEDIAN", "95% Confidence Interval", 412, 90, 0),
            new("Number of Participants With Clinically Significant Laboratory Abnormalities",
                "Abnormalities were judged clinically significant by the investigator.",
                "Up to Week 52", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0, ["Hematology", "Clinical chemistry", "Urinalysis"]),
        ];

        public static readonly Theme[] Themes =
        [
            new("VERA", ["Hypertension", "Essential Hypertension", "Blood Pressure, High"],
                ["blood pressure", "antihypertensive", "ambulatory blood pressure monitoring", "cardiovascular risk", "once-daily dosing"],
                "adults with uncontrolled essential hypertension",
                "Fewer than half of treated patients reach blood pressure targets \\< 140/90 mmHg.",
                "Veralontan", "VRL-301", "DRUG", "Investigational oral angiotensin receptor–neprilysin modulator.", "orally once daily", "mg", [5, 10, 20, 40],
                "Amlodipine", "DRUG",
                ["Mean seated office systolic blood pressure ≥ 140 mmHg and \\< 180 mmHg at screening", "Stable antihypertensive regimen for at least 4 weeks"],
                ["Secondary hypertension of any cause", "eGFR \\< 30 mL/min/1.73 m²", "Myocardial infarction or stroke within 6 months before randomization"],
                [new("D006973", "Hypertension")],
                [new("D014652", "Vascular Diseases"), new("D002318", "Cardiovascular Diseases")],
                [new("BC14", "Heart and Blood Diseases")],
                [new("D017311", "Amlodipine")],
                [new("D002121", "Calcium Channel Blockers"), new("D000959", "Antihypertensive Agents")],
                [new("AnHy", "Antihypertensive Agents"), new("VaDi", "Vasodilator Agents")],
                [
                    new("Change From Baseline in Mean Seated Office Systolic Blood Pressure at Week 12",
                        "Seated systolic blood pressure was measured three times with a validated automated device; the mean of the readings was analyzed.",
                        "Baseline, Week 12", "mmHg", "LEAST_SQUARES_MEAN", "Standard Error", -12.4, 1.3, 1),
                    new("Percentage of Participants Achieving Office Blood Pressure \\< 140/90 mmHg",
                        "Participants with mean seated systolic \\< 140 mmHg and diastolic \\< 90 mmHg.",
                        "Week 12", "percentage of participants", "NUMBER", "95% Confidence Interval", 48.5, 9, 1),
                    new("Change From Baseline in 24-Hour Mean Ambulatory Systolic Blood Pressure",
                        "Ambulatory blood pressure was recorded every 20 minutes (day) and 30 minutes (night).",
                        "Baseline, Week 8", "mmHg", "MEAN", "Standard Deviation", -9.8, 7.5, 1),
                ]),
            new("GLU", ["Type 2 Diabetes", "Diabetes Mellitus, Type 2", "Hyperglycemia"],
                ["HbA1c", "glycemic control", "incretin", "insulin resistance", "body weight"],
                "adults with type 2 diabetes inadequately controlled on metformin",
                "Many patients do not reach an HbA1c \\< 7% despite metformin monotherapy.",
                "Glucaventide", "GVT-112", "DRUG", "Once-weekly subcutaneous injection of an investigational dual incretin receptor agonist.", "subcutaneously once weekly", "mg", [1, 2, 5, 10],
                "Metformin", "DRUG",
                ["HbA1c ≥ 7.0% and ≤ 10.5% at screening", "Body mass index ≥ 25 kg/m²", "Stable metformin dose ≥ 1500 mg/day for ≥ 3 months"],
                ["Type 1 diabetes or history of diabetic ketoacidosis", "Fasting plasma glucose \\> 270 mg/dL at screening", "History of pancreatitis"],
                [new("D003924", "Diabetes Mellitus, Type 2"), new("D006943", "Hyperglycemia")],
                [new("D003920", "Diabetes Mellitus"), new("D044882", "Glucose Metabolism Disorders"), new("D008659", "Metabolic Diseases"), new("D004700", "Endocrine System Diseases")],
                [new("BC18", "Nutritional and Metabolic Diseases"), new("BC19", "Gland and Hormone Related Diseases")],
                [new("D008687", "Metformin")],
                [new("D007004", "Hypoglycemic Agents")],
                [new("Hypo", "Hypoglycemic Agents")],
                [
                    new("Change From Baseline in HbA1c at Week 26", "HbA1c was measured by a central laboratory.",
                        "Baseline, Week 26", "percentage of HbA1c", "LEAST_SQUARES_MEAN", "Standard Error", -1.42, 0.08, 2),
                    new("Change From Baseline in Body Weight at Week 26", "Body weight measured in light clothing without shoes.",
                        "Baseline, Week 26", "kg", "LEAST_SQUARES_MEAN", "95% Confidence Interval", -4.6, 1.1, 1),
                    new("Fasting Plasma Glucose at Week 26", "Fasting plasma glucose after an overnight fast of ≥ 8 hours.",
                        "Week 26", "mg/dL", "MEAN", "Standard Deviation", 132, 28, 0),
                ]),
            new("BRAVO", ["Asthma", "Severe Asthma", "Eosinophilic Asthma"],
                ["eosinophils", "exacerbations", "FEV1", "biologic therapy"],
                "adolescents and adults with severe eosinophilic asthma",
                "Severe eosinophilic asthma remains uncontrolled in a subset of patients despite high-dose inhaled corticosteroids.",
                "Bravolizumab", "BRV-045", "BIOLOGICAL", "Anti-IL-5 receptor monoclonal antibody.", "subcutaneously every 4 weeks", "mg", [30, 100, 300],
                "Fluticasone Propionate", "DRUG",
                ["Physician-diagnosed asthma for ≥ 12 months", "Pre-bronchodilator FEV1 \\< 80% of predicted normal", "Blood eosinophil count ≥ 300 cells/μL"],
                ["Current smokers or former smokers with \\> 10 pack-years", "Asthma exacerbation requiring systemic corticosteroids within 4 weeks before screening"],
                [new("D001249", "Asthma")],
                [new("D001982", "Bronchial Diseases"), new("D012140", "Respiratory Tract Diseases"), new("D008173", "Lung Diseases, Obstructive")],
                [new("BC08", "Respiratory Tract (Lung and Bronchial) Diseases"), new("BC20", "Immune System Diseases")],
                [new("D000068298", "Fluticasone")],
                [new("D001993", "Bronchodilator Agents"), new("D000893", "Anti-Inflammatory Agents")],
                [new("Infl", "Anti-Inflammatory Agents"), new("Resp", "Respiratory System Agents")],
                [
                    new("Annualized Rate of Severe Asthma Exacerbations", "Exacerbations requiring systemic corticosteroids for ≥ 3 days, hospitalization or an emergency visit.",
                        "Baseline up to Week 52", "exacerbations per participant-year", "NUMBER", "95% Confidence Interval", 0.78, 0.3, 2),
                    new("Change From Baseline in Pre-Bronchodilator FEV1 at Week 24", "FEV1 was measured by spirometry according to ATS/ERS standards.",
                        "Baseline, Week 24", "L", "LEAST_SQUARES_MEAN", "Standard Error", 0.17, 0.04, 3),
                    new("Number of Participants With Asthma Control Questionnaire (ACQ-5) Response", "Response: decrease of ≥ 0.5 points from baseline.",
                        "Week 24", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0, ["Responder", "Non-responder"]),
                ]),
            new("MIND", ["Major Depressive Disorder", "Depression", "Treatment-Resistant Depression"],
                ["depression", "psychotherapy", "digital health", "cognitive behavioral therapy"],
                "adults with moderate major depressive disorder",
                "Access to face-to-face psychotherapy is limited; guided digital programmes may close the gap.",
                "Internet-Delivered Cognitive Behavioral Therapy", "iCBT", "BEHAVIORAL", "Twelve weekly guided online CBT modules with therapist feedback.", "as weekly online modules", "modules", [],
                "Sertraline", "DRUG",
                ["Major depressive disorder according to DSM-5 criteria", "PHQ-9 score ≥ 10 at screening", "Access to a computer or smartphone with internet connection"],
                ["Current psychotic symptoms or bipolar disorder", "Score \\> 1 on item 9 of the PHQ-9 (suicidal ideation)"],
                [new("D003865", "Depressive Disorder, Major"), new("D003863", "Depression")],
                [new("D003866", "Depressive Disorder"), new("D019964", "Mood Disorders"), new("D001523", "Mental Disorders"), new("D001526", "Behavioral Symptoms")],
                [new("BXM", "Behaviors and Mental Disorders"), new("BC23", "Symptoms and General Pathology")],
                [new("D020280", "Sertraline")],
                [new("D017367", "Selective Serotonin Reuptake Inhibitors"), new("D000928", "Antidepressive Agents")],
                [new("Psy", "Psychotropic Drugs"), new("AnDep", "Antidepressants")],
                [
                    new("Change From Baseline in Montgomery–Åsberg Depression Rating Scale (MADRS) Total Score at Week 12",
                        "MADRS total score ranges from 0 to 60; higher scores indicate more severe depression.",
                        "Baseline, Week 12", "score on a scale", "MEAN", "Standard Deviation", -11.2, 7.9, 1),
                    new("Number of Participants in Remission (PHQ-9 \\< 5) at Week 12", "Remission defined as a PHQ-9 total score \\< 5.",
                        "Week 12", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0),
                    new("Change From Baseline in GAD-7 Score", "GAD-7 ranges from 0 to 21; higher scores indicate more anxiety.",
                        "Baseline, Week 12", "score on a scale", "MEDIAN", "Inter-Quartile Range", -4, 3, 0),
                ]),
            new("TUCA", ["Breast Cancer", "HER2-negative Breast Cancer", "Metastatic Breast Cancer"],
                ["antibody–drug conjugate", "HER2-low", "metastatic", "RECIST"],
                "women with HER2-negative metastatic breast cancer",
                "Patients progressing after endocrine therapy have limited options beyond chemotherapy.",
                "Tucaletamab", "TCL-008", "BIOLOGICAL", "Antibody–drug conjugate given intravenously.", "intravenously on Day 1 of each 21-day cycle", "mg/kg", [2, 4, 6],
                "Paclitaxel", "DRUG",
                ["Histologically confirmed HER2-negative breast cancer \\[IHC 0 or 1+\\]", "ECOG performance status 0–1", "At least one measurable lesion per RECIST v1.1"],
                ["Untreated or symptomatic brain metastases", "Left ventricular ejection fraction \\< 50%", "Prior topoisomerase I inhibitor–based conjugate"],
                [new("D001943", "Breast Neoplasms")],
                [new("D009371", "Neoplasms by Site"), new("D009369", "Neoplasms"), new("D001941", "Breast Diseases"), new("D012871", "Skin Diseases")],
                [new("BC04", "Neoplasms"), new("BC17", "Skin and Connective Tissue Diseases")],
                [new("D017239", "Paclitaxel")],
                [new("D050256", "Antimitotic Agents"), new("D000970", "Antineoplastic Agents")],
                [new("ANeo", "Antineoplastic Agents")],
                [
                    new("Progression-Free Survival (PFS) by Blinded Independent Central Review",
                        "Time from randomization to documented progression per RECIST v1.1 or death from any cause.",
                        "From randomization until progression or death, assessed up to 36 months", "months", "MEDIAN", "95% Confidence Interval", 8.3, 2.1, 1),
                    new("Overall Survival", "Time from randomization to death from any cause.",
                        "Up to 48 months", "months", "MEDIAN", "95% Confidence Interval", 21.7, 4, 1),
                    new("Objective Response Rate", "Percentage of participants with complete or partial response per RECIST v1.1.",
                        "Up to 36 months", "percentage of participants", "NUMBER", "95% Confidence Interval", 34.5, 8, 1),
                ], Sex: "FEMALE"),
            new("KNEE", ["Knee Osteoarthritis", "Osteoarthritis, Knee", "Chronic Knee Pain"],
                ["osteoarthritis", "pain", "physiotherapy", "wearable device"],
                "adults with painful knee osteoarthritis",
                "Non-pharmacological options are preferred for long-term management of knee pain.",
                "Pulsed Electromagnetic Field Knee Sleeve", "PEMF-K2", "DEVICE", "Wearable sleeve delivering low-intensity pulsed electromagnetic fields.", "for 30 minutes twice daily", "sessions/day", [],
                "Supervised Physiotherapy", "PROCEDURE",
                ["Radiographic knee osteoarthritis, Kellgren–Lawrence grade 2–3", "Average knee pain ≥ 4 on an 11-point numeric rating scale"],
                ["Intra-articular corticosteroid injection within 3 months", "Implanted pacemaker or other active implantable device", "Body mass index \\> 40 kg/m²"],
                [new("D020370", "Osteoarthritis, Knee")],
                [new("D010003", "Osteoarthritis"), new("D001168", "Arthritis"), new("D007592", "Joint Diseases"), new("D009140", "Musculoskeletal Diseases")],
                [new("BC05", "Musculoskeletal Diseases")],
                [], [], [],
                [
                    new("Change From Baseline in WOMAC Pain Subscale Score at Week 12", "WOMAC pain subscale ranges from 0 to 20; higher scores indicate worse pain.",
                        "Baseline, Week 12", "score on a scale", "MEAN", "Standard Deviation", -3.9, 3.2, 1),
                    new("Timed Up and Go Test", "Time to rise from a chair, walk 3 meters, turn, walk back and sit down.",
                        "Week 12", "seconds", "MEDIAN", "Full Range", 9.8, 3, 1),
                    new("Number of Participants Using Rescue Analgesics", "Paracetamol use recorded in a daily diary.",
                        "Baseline to Week 12", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0),
                ], AnalysisUnits: "Knees"),
            new("SPIKE", ["COVID-19", "SARS-CoV-2 Infection"],
                ["vaccine", "booster", "immunogenicity", "neutralizing antibodies"],
                "healthy adults previously vaccinated against COVID-19",
                "Waning immunity after primary vaccination supports evaluation of updated booster vaccines.",
                "SpikeGuard Recombinant Vaccine", "SGV-19", "BIOLOGICAL", "Adjuvanted recombinant spike protein vaccine, single intramuscular dose.", "as a single intramuscular dose", "μg", [5, 25, 50],
                "Licensed mRNA COVID-19 Vaccine", "BIOLOGICAL",
                ["Negative SARS-CoV-2 rapid antigen test on Day 1", "Completed a primary vaccination series ≥ 6 months before enrollment"],
                ["History of anaphylaxis to any vaccine component", "Immunosuppressive therapy within 3 months", "Confirmed COVID-19 within 90 days \\[self-reported or documented\\]"],
                [new("D000086382", "COVID-19")],
                [new("D011024", "Pneumonia, Viral"), new("D011014", "Pneumonia"), new("D012141", "Respiratory Tract Infections"), new("D007239", "Infections")],
                [new("BC01", "Infections"), new("BC08", "Respiratory Tract (Lung and Bronchial) Diseases")],
                [new("D014612", "Vaccines")],
                [new("D007155", "Immunologic Factors")],
                [new("Vacc", "Vaccines")],
                [
                    new("Geometric Mean Titer (GMT) of SARS-CoV-2 Neutralizing Antibodies at Day 29", "Neutralizing antibodies measured by a validated pseudovirus assay.",
                        "Day 29", "titer", "GEOMETRIC_MEAN", "95% Confidence Interval", 2840, 900, 0),
                    new("Number of Participants With Solicited Local Reactions Within 7 Days After Vaccination", "Recorded in an electronic diary.",
                        "Day 1 to Day 7", "Participants", "COUNT_OF_PARTICIPANTS", null, 0, 0, 0, ["Pain at injection site", "Redness", "Swelling"]),
                    new("Seroconversion Rate at Day 29", "Seroconversion: ≥ 4-fold rise in neutralizing titer from baseline.",
                        "Day 29", "percentage of participants", "NUMBER", "95% Confidence Interval", 91.5, 4, 1),
                ], HealthyVolunteers: true),
            new("RIME", ["Migraine", "Chronic Migraine", "Migraine Without Aura"],
                ["migraine", "CGRP", "acute treatment", "headache days"],
                "adults with episodic migraine",
                "Triptans are contraindicated or poorly tolerated in a substantial share of people with migraine.",
                "Rimepantide", "RMP-075", "DRUG", "Orally disintegrating tablet of an investigational CGRP receptor antagonist.", "orally at migraine onset", "mg", [25, 75],
                "Sumatriptan", "DRUG",
                ["Migraine with or without aura for ≥ 1 year (ICHD-3)", "4 to 14 migraine days per month during the 28-day baseline period"],
                ["Medication overuse headache", "Uncontrolled hypertension (systolic \\> 160 mmHg or diastolic \\> 100 mmHg)", "History of cluster headache"],
                [new("D008881", "Migraine Disorders")],
                [new("D020773", "Headache Disorders, Primary"), new("D020772", "Headache Disorders"), new("D001927", "Brain Diseases"), new("D009422", "Nervous System Diseases")],
                [new("BC10", "Nervous System Diseases")],
                [new("D017366", "Sumatriptan")],
                [new("D058828", "Serotonin 5-HT1 Receptor Agonists"), new("D014662", "Vasoconstrictor Agents")],
                [new("Analg", "Analgesics"), new("VaCo", "Vasoconstrictor Agents")],
                [
                    new("Change From Baseline in Mean Monthly Migraine Days Across Weeks 1-12", "Migraine days recorded in an electronic headache diary.",
                        "Baseline, Weeks 1-12", "days", "LEAST_SQUARES_MEAN", "Standard Error", -4.1, 0.35, 1),
                    new("Percentage of Participants Pain-Free at 2 Hours Post-Dose", "Pain-free: no headache pain 2 hours after dosing.",
                        "2 hours post-dose", "percentage of participants", "NUMBER", "95% Confidence Interval", 21.5, 6, 1),
                    new("Migraine Disability Assessment (MIDAS) Total Score at Week 12", "MIDAS ≥ 21 indicates severe disability.",
                        "Week 12", "score on a scale", "MEDIAN", "Inter-Quartile Range", 18, 8, 0),
                ]),
        ];
    }
}
