using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;

namespace CaseManager.Web.Startup;

/// <summary>
/// Operator commands run instead of the web server: <c>migrate</c> applies migrations (how production is
/// upgraded), <c>create-admin</c> creates the first administrator of a new installation.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        switch (args[0])
        {
            case "migrate":
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            case "create-admin":
                var options = Options(args.Skip(1).ToArray());
                var password = Environment.GetEnvironmentVariable("CASEMANAGER_ADMIN_PASSWORD");
                if (!options.TryGetValue("email", out var email) || !options.TryGetValue("agency", out var agency) || string.IsNullOrEmpty(password))
                {
                    await Console.Error.WriteLineAsync(
                        "Usage: CASEMANAGER_ADMIN_PASSWORD=... dotnet run --project src/Web -- create-admin --email <email> --name \"<name>\" --agency <CODE> [--agency-name \"<name>\"]");
                    return 2;
                }

                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
                await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateAsync(
                    email,
                    options.GetValueOrDefault("name", email),
                    agency,
                    options.GetValueOrDefault("agency-name", agency),
                    password,
                    CancellationToken.None);
                await Console.Out.WriteLineAsync($"Administrator {email} created in agency {agency.ToUpperInvariant()}.");
                return 0;
            default:
                return 2;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
