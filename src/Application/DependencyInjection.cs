using Clinical.Application.Common.Behaviors;
using Clinical.Application.Studies.Export;
using Clinical.Application.Studies.Import;
using Clinical.Application.Studies.Import.DryRun;
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
            // Around each use case (import, migrate, runs, …): logging and the request's own validators. Around each study
            // of an import: the wire record's reject rules; then ProcessStudyHandler maps it and sends EncodeStudy on.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>),
                typeof(StudyValidationBehavior),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<ImportStudiesCommandValidator>(ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddSingleton<StudyValueFindings>();
        services.AddScoped<RawStudyProcessor>();
        services.AddScoped<ReaderStage>();
        services.TryAddSingleton<IImportProgress, NullImportProgress>();
        services.TryAddSingleton<ITableExportProgress, NullTableExportProgress>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// A dry run (<c>clinical import --dry-run</c>): the run ledger, the study store and the row encoder are replaced by ones
    /// that keep nothing, so the import reads, parses, validates and maps every study and needs no database. The composition
    /// root calls it after the store's own registrations.
    /// </summary>
    public static IServiceCollection AddDryRunImport(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IRunLedger, DryRunLedger>());
        services.Replace(ServiceDescriptor.Singleton<IStudyStore, DryRunStore>());
        services.Replace(ServiceDescriptor.Singleton<IStudyRowEncoder, DryRunRowEncoder>());
        return services;
    }
}
