using System.Net;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>The test host of <see cref="CaseManagerFactory"/>, served by Kestrel on a real loopback port for the browser.</summary>
public sealed class CaseManagerAppFactory : CaseManagerFactory
{
    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new Uri(addresses.First());
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Logging:LogLevel:Default", "Warning"),

        // The claims journey counts the lines of the families it prepares; the demo's outcome families would add theirs.
        new("Demo:OutcomeFamilies", "false"),
    ];
}
