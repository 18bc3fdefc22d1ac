using Clinical.Application.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.SampleGenerator;

public static class DependencyInjection
{
    /// <summary>Registers the description-driven generator as the <see cref="ISampleStudyWriter"/> of <c>clinical sample</c>.</summary>
    public static IServiceCollection AddSampleGenerator(this IServiceCollection services) => services.AddSingleton<ISampleStudyWriter, SampleStudyGenerator>();
}
