using System.Net;
using System.Net.Http.Json;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Who may break glass (DOMAIN.md IS7 (3)): those who work cases; anyone else is refused and audited.</summary>
public sealed class BreakGlassPolicyTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Theory]
    [InlineData(DemoUsers.FitKeyworker, HttpStatusCode.Created)]
    [InlineData(DemoUsers.FitManager, HttpStatusCode.Created)]
    [InlineData(DemoUsers.ClaimsOfficer, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.InformationGovernance, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Administrator, HttpStatusCode.Forbidden)]
    public async Task BreakGlass_ByRole_OnlyCaseworkersAndManagersMayUseIt(string email, HttpStatusCode expected)
    {
        var client = await factory.ApiClientForAsync(email);
        var tom = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Tindall").Select(p => p.Id.Value).SingleAsync());
        var path = $"/api/v1/people/{tom}/break-glass";
        var refusalsBefore = await RefusalsAsync(email, path);

        var response = await client.PostAsJsonAsync(path, new { justification = "Threat to a child in the household reported tonight", riskCategory = "ChildAtRisk" });

        response.StatusCode.Should().Be(expected);
        var userId = await factory.QueryDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var grants = await factory.QueryDbAsync(db => db.BreakGlassGrants.CountAsync(g => g.UserId == userId));
        var refusals = await RefusalsAsync(email, path);
        if (expected == HttpStatusCode.Forbidden)
        {
            grants.Should().Be(0);
            refusals.Should().Be(refusalsBefore + 1);
        }
        else
        {
            grants.Should().BeGreaterThan(0);
            refusals.Should().Be(refusalsBefore);
        }
    }

    private Task<int> RefusalsAsync(string email, string path) =>
        factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.ActorEmail == email && a.Outcome == Domain.Auditing.AuditOutcome.Refused && a.Detail == $"POST {path}"));
}
