using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>
/// The real app on a real loopback port, in Development (so the demo partnership is seeded), with its own
/// SQLite files, Hangfire storage and mail pickup directory in a temporary folder deleted afterwards.
/// </summary>
public sealed class CaseManagerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casemanager-browser-" + Guid.NewGuid().ToString("N"));

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CaseManager", $"Data Source={Path.Combine(_directory, "casemanager.db")}");
        builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(_directory, "hangfire.db"));
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_directory, "mail"));
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Antiforgery", "Error");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
