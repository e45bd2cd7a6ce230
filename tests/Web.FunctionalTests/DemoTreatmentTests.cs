using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Domain.Agencies;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The demo partnership's treatment stories read as the strategy page tells them (issue: substance misuse demo data).
/// Its own factory, so no other test's records change the figures.
/// </summary>
public sealed class DemoTreatmentTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private Task<string> CaseOfAsync(string familyName, Scheme scheme) =>
        factory.QueryDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.FamilyName == familyName).Select(p => p.Id).SingleAsync();
            return (await db.Cases.Where(c => c.PersonId == person && c.Scheme == scheme).Select(c => c.Id).SingleAsync()).Value.ToString();
        });

    [Fact]
    public async Task TreatmentReport_OnTheDemoData_ReadsSixOfFourteenOpiateClientsOnLongTermMaintenance()
    {
        var manager = await factory.ApiClientForAsync("manager@daat.demo");

        var report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment");

        var longTerm = report.GetProperty("longTermSubstitute");
        longTerm.GetProperty("opiateClients").GetInt32().Should().Be(14);
        longTerm.GetProperty("onLongTermSubstitute").GetInt32().Should().Be(6, "the strategy says 43% of opiate clients are on long-term methadone maintenance");
    }

    [Fact]
    public async Task KerrysCase_IsASuccessfulAlcoholFreeCompletionWithTopsFromStartToExit()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var kerry = await CaseOfAsync("Kirkbride", Scheme.AdultTreatment);

        var view = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{kerry}");
        var tops = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{kerry}/top");

        view.GetProperty("status").GetString().Should().Be("Exited");
        view.GetProperty("successfulCompletion").GetBoolean().Should().BeTrue();
        view.GetProperty("representation").GetBoolean().Should().BeFalse("she has not come back into treatment in the 182 days since");
        tops.EnumerateArray().Select(t => t.GetProperty("stage").GetString()).Should().Contain(["Start", "Review", "Exit"]);
    }

    [Fact]
    public async Task MethadoneClient_MovedFromMaintenanceToReduction()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var gary = await CaseOfAsync("Hewitt", Scheme.AdultTreatment);

        var interventions = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{gary}/treatment-interventions");

        var methadone = interventions.EnumerateArray().Where(i => i.GetProperty("medication").GetString() == "Methadone").ToList();
        methadone.Should().HaveCount(2);
        methadone.Should().ContainSingle(i => i.GetProperty("mode").GetString() == "Maintenance" && i.GetProperty("endDate").ValueKind == JsonValueKind.String);
        methadone.Should().ContainSingle(i => i.GetProperty("mode").GetString() == "Reduction" && i.GetProperty("endDate").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task SwitchYoungPerson_CompletedAndWasNotReReferred()
    {
        var worker = await factory.ApiClientForAsync("youth.worker@switch.demo");
        var mia = await CaseOfAsync("Coates", Scheme.YoungPeopleTreatment);

        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{mia}");

        view.GetProperty("ownerAgency").GetString().Should().Be("SWITCH");
        view.GetProperty("successfulCompletion").GetBoolean().Should().BeTrue();
        view.GetProperty("representation").GetBoolean().Should().BeFalse();
        view.GetProperty("treatment").GetProperty("rereferral").GetBoolean().Should().BeFalse("her first young people's episode");
        view.GetProperty("exitNominations")[0].GetProperty("decidedByName").GetString().Should().Be("Rachel Dodds", "a manager of SWITCH, the owning agency, decides its exits");
    }
}
