using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseManager.TestSupport;

namespace CaseManager.ClientContract.Tests;

/// <summary>
/// The typed client is generated at build time from openapi.json beside this project; this test keeps that file equal
/// to the document the app serves, so a contract change is seen (and the client regenerated) in the same change.
/// Run with UPDATE_CONTRACT_SNAPSHOT=1 to write the served document to the file (docs/api.md).
/// </summary>
public sealed class ContractSnapshotTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task CommittedDocument_IsTheServedDocument()
    {
        var served = Normalise(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var path = typeof(ContractSnapshotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ContractDocument").Value!;

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = Normalise(await File.ReadAllTextAsync(path));
        committed.Should().Be(served,
            "tests/ClientContract.Tests/openapi.json must be the served document: run this test with UPDATE_CONTRACT_SNAPSHOT=1 and commit the file");
    }

    /// <summary>Without <c>servers</c>, which names the host that answered; indented, with a final new line.</summary>
    public static string Normalise(string document)
    {
        var json = JsonNode.Parse(document)!.AsObject();
        json.Remove("servers");
        return json.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
