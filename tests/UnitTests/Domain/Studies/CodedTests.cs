using System.Reflection;
using System.Runtime.Serialization;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class CodedTests
{
    /// <summary>Every enum of Clinical.Domain.Studies whose members carry the registry's spelling.</summary>
    public static TheoryData<Type> RegistryEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in RegistryEnumTypes())
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Constructor_KnownSpelling_KnownValue()
    {
        var phase = new Coded<Phase>("PHASE2");

        phase.Value.ShouldBe(Phase.Phase2);
        phase.IsKnown.ShouldBeTrue();
        phase.Raw.ShouldBe("PHASE2");
    }

    [Fact]
    public void Constructor_SpellingWithUnderscore_KnownValue()
    {
        var phase = new Coded<Phase>("EARLY_PHASE1");

        phase.Value.ShouldBe(Phase.EarlyPhase1);
        phase.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public void Constructor_SpellingWithDigitsAfterUnderscore_KnownValue()
    {
        var dispersion = new Coded<MeasureDispersionType>("CONFIDENCE_975");

        dispersion.Value.ShouldBe(MeasureDispersionType.Confidence975);
        dispersion.IsKnown.ShouldBeTrue();
    }

    [Theory]
    [InlineData("PHASE5")]
    [InlineData("phase2")] // the registry's spelling is case-sensitive
    [InlineData("Phase2")] // the C# member name is not a registry spelling
    [InlineData("")]
    public void Constructor_UnknownSpelling_KeptAsRawAndNotKnown(string raw)
    {
        var phase = new Coded<Phase>(raw);

        phase.Raw.ShouldBe(raw);
        phase.Value.ShouldBeNull();
        phase.IsKnown.ShouldBeFalse();
        phase.ToString().ShouldBe(raw);
        Coded<Phase>.IsKnownSpelling(raw).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_EnumValue_RawIsRegistrySpelling()
    {
        var status = new Coded<Status>(Status.ActiveNotRecruiting);

        status.Raw.ShouldBe("ACTIVE_NOT_RECRUITING");
        status.Value.ShouldBe(Status.ActiveNotRecruiting);
        status.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public void RegistryEnums_FoundByReflection_IncludeTheWellKnownOnes()
    {
        var types = RegistryEnumTypes();

        types.ShouldContain(typeof(Phase));
        types.ShouldContain(typeof(Status));
        types.ShouldContain(typeof(MeasureDispersionType));
        types.ShouldNotContain(typeof(DatePrecision)); // no registry spellings
    }

    [Theory]
    [MemberData(nameof(RegistryEnums))]
    public void Constructor_EveryMember_RoundTripsRawToValueToRaw(Type enumType)
    {
        var members = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        var roundTrip = typeof(CodedTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(enumType);

        foreach (var member in members)
        {
            var spelling = member.GetCustomAttribute<EnumMemberAttribute>()?.Value;
            spelling.ShouldNotBeNullOrEmpty($"{enumType.Name}.{member.Name} has no [EnumMember] spelling");
            var (value, raw, known) = ((object?, string, bool))roundTrip.Invoke(null, [spelling, member.GetValue(null)])!;

            value.ShouldBe(member.GetValue(null), $"{enumType.Name}: '{spelling}' should read as {member.Name}");
            raw.ShouldBe(spelling, $"{enumType.Name}.{member.Name} should write as '{spelling}'");
            known.ShouldBeTrue($"{enumType.Name}: '{spelling}' should be a known spelling");
        }
    }

    [Theory]
    [MemberData(nameof(RegistryEnums))]
    public void KnownSpellings_EveryEnum_OneDistinctSpellingPerMember(Type enumType)
    {
        var members = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        var spellings = members.Select(m => m.GetCustomAttribute<EnumMemberAttribute>()?.Value).ToList();
        var known = (IReadOnlyCollection<string>)typeof(Coded<>).MakeGenericType(enumType).GetProperty("KnownSpellings")!.GetValue(null)!;

        spellings.Distinct(StringComparer.Ordinal).Count().ShouldBe(members.Length, $"{enumType.Name} spells two members alike");
        known.ShouldBe(spellings!, ignoreOrder: true);
    }

    private static (object? Value, string Raw, bool Known) RoundTrip<TEnum>(string spelling, TEnum member)
        where TEnum : struct, Enum
    {
        var read = new Coded<TEnum>(spelling);
        var written = new Coded<TEnum>(member);
        return (read.Value, written.Raw, Coded<TEnum>.IsKnownSpelling(spelling) && read.IsKnown);
    }

    private static List<Type> RegistryEnumTypes() =>
        [.. typeof(Coded<>).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace == typeof(Phase).Namespace)
            .Where(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumMemberAttribute))))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
}
