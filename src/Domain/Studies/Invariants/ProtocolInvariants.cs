using System.Globalization;

namespace Clinical.Domain.Studies.Invariants;

/// <summary>The protocol section's soft invariants on single values: the age range, the enrollment count and the order of the key dates.</summary>
internal static class ProtocolInvariants
{
    private const string Eligibility = "protocolSection.eligibilityModule";
    private const string Status = "protocolSection.statusModule";

    public static void Check(ProtocolSection protocol, ref FindingList findings)
    {
        CheckAgeRange(protocol.EligibilityModule, ref findings);
        CheckEnrollment(protocol.DesignModule?.EnrollmentInfo, ref findings);
        CheckDateOrder(protocol.StatusModule, ref findings);
    }

    /// <summary>minimumAge ≤ maximumAge, compared in years ("6 Months" &lt; "1 Year"); unparsed ages are not compared.</summary>
    private static void CheckAgeRange(EligibilityModule? eligibility, ref FindingList findings)
    {
        if (eligibility?.MinimumAge?.Years is { } min
            && eligibility.MaximumAge?.Years is { } max
            && min > max)
        {
            findings.Add(
                InvariantRules.MinAgeAboveMaxAge,
                $"{Eligibility}.minimumAge",
                eligibility.MinimumAge.Value.Raw,
                $"minimumAge {eligibility.MinimumAge.Value.Raw} is above maximumAge {eligibility.MaximumAge.Value.Raw}.");
        }
    }

    private static void CheckEnrollment(EnrollmentInfo? enrollment, ref FindingList findings)
    {
        if (enrollment?.Count is < 0 and var count)
        {
            findings.Add(
                InvariantRules.NegativeEnrollment,
                "protocolSection.designModule.enrollmentInfo.count",
                count.ToString(CultureInfo.InvariantCulture),
                $"The enrollment count {count.ToString(CultureInfo.InvariantCulture)} is negative.");
        }
    }

    /// <summary>
    /// start ≤ primary completion ≤ completion, among the dates typed ACTUAL: each actual date is compared with the latest
    /// actual date before it in that order (so with an estimated primary completion, start and completion are still compared).
    /// </summary>
    private static void CheckDateOrder(StatusModule? status, ref FindingList findings)
    {
        if (status is null)
        {
            return;
        }

        PartialDate? latest = null;
        string? latestName = null;
        Step(status.StartDateStruct, "startDate", ref latest, ref latestName, ref findings);
        Step(status.PrimaryCompletionDateStruct, "primaryCompletionDate", ref latest, ref latestName, ref findings);
        Step(status.CompletionDateStruct, "completionDate", ref latest, ref latestName, ref findings);
    }

    private static void Step(PartialDateStruct? date, string name, ref PartialDate? latest, ref string? latestName, ref FindingList findings)
    {
        if (date?.Type?.Value != DateType.Actual || date.Date is not { IsParsed: true } current)
        {
            return;
        }

        if (latest is { } earlier && IsBefore(current, earlier))
        {
            findings.Add(
                InvariantRules.DatesOutOfOrder,
                $"{Status}.{name}Struct.date",
                current.Raw,
                $"The actual {name} {current.Raw} is before the actual {latestName} {earlier.Raw}.");
            return;
        }

        latest = current;
        latestName = name;
    }

    /// <summary>
    /// Whether <paramref name="date"/> is before <paramref name="other"/> at the coarser of their precisions: "2021-03-15" is
    /// not before "2021-03" (the month may hold the day), "2021-02-28" is.
    /// </summary>
    private static bool IsBefore(PartialDate date, PartialDate other)
    {
        var precision = date.Precision < other.Precision ? date.Precision : other.Precision;
        return Truncate(date.FirstDay!.Value, precision) < Truncate(other.FirstDay!.Value, precision);
    }

    private static DateOnly Truncate(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => new DateOnly(day.Year, 1, 1),
        DatePrecision.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };
}
