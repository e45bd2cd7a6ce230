using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Jobs;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Seeding;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Startup;

/// <summary>What happens once when the web host starts: migrate (Development), seed (Development), schedule jobs.</summary>
public static partial class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        var environment = app.Environment;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseManager.Startup");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        if (database.MigrateOnStartup ?? environment.IsDevelopment())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        // Never in Production, whatever the configuration says: demo accounts share a published password.
        if ((demo.Seed ?? environment.IsDevelopment()) && !environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            LogDemoPassword(logger, demo.Password);
        }

        app.Services.GetRequiredService<RecurringJobs>().RegisterAll();

        if (!await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().AnyAsync(CancellationToken.None))
        {
            LogNoAdministrator(logger);
        }
    }

    // Information, not a warning: on a development start this is what a newcomer needs to sign in, not a fault.
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo partnership ready. Sign in as any demo user (for example admin@council.demo or iom.officer@police.demo) with the password '{Password}'.")]
    private static partial void LogDemoPassword(ILogger logger, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "There is no administrator yet. Create the first one with: dotnet run --project src/Web -- create-admin --email <email> --name \"<name>\" --agency <CODE> --agency-name \"<agency name>\" (the password is read from the CASEMANAGER_ADMIN_PASSWORD environment variable).")]
    private static partial void LogNoAdministrator(ILogger logger);
}
