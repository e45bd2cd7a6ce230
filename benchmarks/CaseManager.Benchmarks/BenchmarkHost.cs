using CaseManager.Application;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Behaviours;
using CaseManager.Application.Common.Security;
using CaseManager.Infrastructure;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseManager.Benchmarks;

/// <summary>
/// The application's own container (AddApplication + AddInfrastructure, as Program.cs does) over the generated
/// file, so that the benchmarks use the real DbContext, the real RecordAccess and the real PartnershipClock.
/// </summary>
public sealed class BenchmarkHost : IDisposable
{
    private readonly ServiceProvider _services;

    public BenchmarkHost(string databasePath, IInterceptor? interceptor = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:CaseManager"] = $"Data Source={databasePath}",
                ["ConnectionStrings:Hangfire"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "hangfire.db"),
                ["Jobs:RunServer"] = "false",
                // CASEMANAGER_BENCH_MMAP_MB sets Database:SqliteMemoryMapMegabytes, to time a run with another memory map.
                ["Database:SqliteMemoryMapMegabytes"] = System.Environment.GetEnvironmentVariable("CASEMANAGER_BENCH_MMAP_MB"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            // CASEMANAGER_BENCH_SQLLOG=1 prints every SQL command with its duration, to find where a run spends its time.
            if (System.Environment.GetEnvironmentVariable("CASEMANAGER_BENCH_SQLLOG") == "1")
            {
                logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).SetMinimumLevel(LogLevel.Warning);
            }
        });
        services.AddApplication(configuration);
        services.AddInfrastructure(configuration, new Environment(Path.GetDirectoryName(databasePath)!));
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(IApplicationMarker)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ];
        });
        if (interceptor is not null)
        {
            services.ConfigureDbContext<SqliteCaseDbContext>(options => options.AddInterceptors(interceptor));
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A request's worth of services, acting as the given user.</summary>
    public Session Open(Actor actor)
    {
        var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        return new Session(scope, scope.ServiceProvider.GetRequiredService<CaseDbContext>(), scope.ServiceProvider.GetRequiredService<IRecordAccess>());
    }

    public IServiceProvider Services => _services;

    public void Dispose() => _services.Dispose();

    public sealed record Session(IServiceScope Scope, CaseDbContext Db, IRecordAccess Access) : IDisposable
    {
        public void Dispose() => Scope.Dispose();
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "CaseManager.Benchmarks";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
