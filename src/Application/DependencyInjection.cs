using Clinical.Application.Common.Behaviors;
using Clinical.Application.Studies.Import;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinical.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<ImportStudiesCommandValidator>(ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddSingleton<SchemaDriftScanner>();
        services.AddSingleton<RawStudyProcessor>();
        services.TryAddSingleton<IImportProgress, NullImportProgress>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
