using CaseManager.Application.Common.Access;
using CaseManager.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseManager.TestSupport;

/// <summary>
/// The real web host on a fresh SQLite file of its own, with the demo partnership seeded and a fake clock.
/// One instance per test class; files are deleted when it is disposed.
/// </summary>
public class CaseManagerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset StartOfTests = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "casemanager-tests", Guid.NewGuid().ToString("N"));

    public CaseManagerFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public FakeTimeProvider Clock { get; } = new(StartOfTests);

    public string DatabasePath => Path.Combine(_folder, "casemanager.db");

    public string MailFolder => Path.Combine(_folder, "mail");

    public string DemoPassword => DemoOptions.DefaultPassword;

    /// <summary>
    /// Whether the background derivation of sharing rights a change records (ADR 0026) runs as soon as the change
    /// commits, as if its job ran at once: most tests create an agreement and then read through it. Tests of the state
    /// before the derivation turn this off and run the job themselves (and the request then works out no first batch:
    /// <c>Jobs:DeriveFirstBatchInRequest</c> is false unless <see cref="Settings"/> says otherwise).
    /// </summary>
    public bool DerivesSharingRightsAtOnce { get; init; } = true;

    /// <summary>Extra settings a test class needs, applied after the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CaseManager", $"Data Source={DatabasePath}");
        builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(_folder, "hangfire.db"));
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Jobs:RunServer", "false");

        // The demo claim families are left out so that tests counting families, people and cases see only their own.
        builder.UseSetting("Demo:ClaimFamilies", "false");
        if (!DerivesSharingRightsAtOnce)
        {
            // The state before the job runs is what such tests look at: the request leaves all of the work to the job.
            builder.UseSetting("Jobs:DeriveFirstBatchInRequest", "false");
        }

        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (DerivesSharingRightsAtOnce)
            {
                services.AddSingleton<ISharingRightDerivations, ImmediateSharingRightDerivations>();
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread is left for the OS temp cleaner.
            }
        }
    }
}
