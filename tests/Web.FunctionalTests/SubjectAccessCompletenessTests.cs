using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Treatment;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// DOMAIN.md RT1: the subject access export holds every record on the person that the partnership holds. The kinds
/// are found from the database model, not from the export's own list: every stored type that names a person, a
/// household, a case, a review or a consent is either a kind of the export or says why it is not, and one record of
/// every kind, made by several agencies, is found in the JSON and on the page.
/// </summary>
public sealed partial class SubjectAccessCompletenessTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    /// <summary>The stored types that hold something on a person, and the export kinds they appear in.</summary>
    private static readonly Dictionary<Type, string[]> Exported = new()
    {
        [typeof(Case)] = ["cases", "familyCases"],
        [typeof(Intervention)] = ["interventions"],
        [typeof(Offence)] = ["offences"],
        [typeof(TreatmentEpisode)] = ["treatmentEpisodes"],
        [typeof(TreatmentIntervention)] = ["treatmentInterventions"],
        [typeof(TopRecord)] = ["tops"],
        [typeof(AsbRecord)] = ["asb"],
        [typeof(EducationRecord)] = ["education"],
        [typeof(EmploymentRecord)] = ["employment"],
        [typeof(Household)] = ["households"],
        [typeof(LocalCriterionRecord)] = ["localCriteria"],
        [typeof(Consent)] = ["consents"],
        [typeof(Review)] = ["reviews"],
        [typeof(BreakGlassGrant)] = ["breakGlass"],
        [typeof(ClaimLine)] = ["familyClaims"],
        [typeof(Notification)] = ["reminders"],
        [typeof(FamilyAssessment)] = ["familyAssessments"],
        [typeof(FamilyAssessmentNeed)] = ["familyAssessments"],
        [typeof(FamilyPlanAction)] = ["familyPlanActions"],
    };

    /// <summary>The stored types that name a person or their records but are not records of their own, and why.</summary>
    private static readonly Dictionary<Type, string> NotRecords = new()
    {
        [typeof(Person)] = "the person themselves: the export's person section",
        [typeof(AuditEntry)] = "the access log: the export's access log and each record's 'accessed by'",
        [typeof(SharingRight)] = "derived from agreements, consents and cases for the access rule; holds nothing of its own",
        [typeof(CaseReader)] = "derived from cases and sharing rights for the access rule; holds nothing of its own",
        [typeof(SharingRightDerivation)] = "progress of working out sharing rights (ADR 0026): its cursor is only where the batches got to, not a record about that person",
        [typeof(ClaimedOutcome)] = "the ledger's copy of a submitted claim line, which the export holds",
        [typeof(ClaimedFamily)] = "the ledger's copy of a submitted claim line, which the export holds",
    };

    private static readonly Type[] PersonKeys = [typeof(PersonId), typeof(HouseholdId), typeof(CaseId), typeof(ReviewId), typeof(ConsentId)];

    [Fact]
    public async Task EveryStoredTypeThatNamesAPerson_IsAKindOfTheExport_OrSaysWhyNot()
    {
        var named = await factory.QueryDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => t.GetProperties().Any(p => PersonKeys.Contains(Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
                || (p.Name.EndsWith("PersonId", StringComparison.Ordinal) && (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Guid))))
            .Select(OwnerOf)
            .Distinct()
            .ToList()));

        named.Should().Contain([typeof(Case), typeof(Household), typeof(TopRecord)], "the model is read, not an empty list");
        named.Where(t => !Exported.ContainsKey(t) && !NotRecords.ContainsKey(t)).Should().BeEmpty(
            "every stored type that names a person, household, case, review or consent must be in the subject access export (RT1) or say why not");
        Exported.Values.SelectMany(k => k).Distinct().Should().BeEquivalentTo(SubjectAccessRecords.All.Select(s => s.Kind),
            "each kind of the export is one of these stored types");
    }

    [Fact]
    public async Task SubjectAccessExport_OfAPersonWithARecordOfEveryKindByFourAgencies_HoldsEachInTheJsonAndOnThePage()
    {
        var made = await PersonWithEveryKindAsync();
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var export = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/people/{made.Person}/subject-access-export");
        var html = await (await SignedInBrowserAsync(DemoUsers.InformationGovernance)).GetStringAsync($"/governance/subject-access/{made.Person}");

        var sections = export.GetProperty("records").EnumerateArray().ToDictionary(s => s.GetProperty("kind").GetString()!, s => s.GetProperty("records").EnumerateArray().ToList());
        foreach (var kind in Exported.Values.SelectMany(k => k).Distinct())
        {
            sections.Should().ContainKey(kind);
            sections[kind].Should().NotBeEmpty("a record of kind {0} was made on the person", kind);
            var table = Section(html, $"sar-{kind}");
            table.Should().StartWith("<table", "the page shows the {0} records in a table, not the 'none held' sentence", kind);
            Regex.Count(table, "<tr class=\"govuk-table__row\">").Should().BeGreaterThan(1, "the {0} table has a row for the record", kind);
        }

        Ids(sections["cases"]).Should().Contain([made.IomCase, made.TreatmentCase]);
        Ids(sections["familyCases"]).Should().Equal(made.FamilyCase);
        Ids(sections["treatmentEpisodes"]).Should().Equal(made.TreatmentCase);
        Ids(sections["treatmentInterventions"]).Should().Equal(made.TreatmentIntervention);
        Ids(sections["tops"]).Should().Equal(made.Top);
        Ids(sections["households"]).Should().Equal(made.Household);
        sections["households"][0].GetProperty("record").GetProperty("relationship").GetString().Should().Be("ParentCarer");
        sections["interventions"].Single().GetProperty("record").GetProperty("notes").GetString().Should().Be("Kitchen cold; spoke about the housing referral");
        sections["offences"].Should().ContainSingle();
        sections["asb"].Should().ContainSingle();
        sections["education"].Should().ContainSingle();
        sections["employment"].Should().ContainSingle();
        sections["localCriteria"].Single().GetProperty("record").GetProperty("evidence").GetString().Should().Be("Notice seeking possession served");
        sections["consents"].Should().ContainSingle();
        sections["familyAssessments"].Single().GetProperty("record").GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("about").GetString())
            .Should().BeEquivalentTo(["This person", "The family"]);
        sections["familyPlanActions"].Single().GetProperty("record").GetProperty("description").GetString().Should().Be("Agree a rent repayment plan");
        sections["breakGlass"].Select(g => g.GetProperty("ownerAgency").GetString()).Should().BeEquivalentTo(["DAAT", "FIT"]);
        sections["familyClaims"].Should().OnlyContain(l => l.GetProperty("record").GetProperty("householdId").GetGuid() == made.Household);
        sections["reminders"].Should().OnlyContain(n => n.GetProperty("record").GetProperty("userName").GetString() != null);
        sections.Values.SelectMany(r => r).Select(r => r.GetProperty("ownerAgency").GetString()).Distinct()
            .Should().Contain(["POLICE", "DAAT", "FIT"], "records of every agency are held");

        var accessed = sections["treatmentInterventions"][0].GetProperty("accessedBy").EnumerateArray().Select(e => e.GetProperty("actorName").GetString());
        accessed.Should().Contain("Kev Robson", "each record says who accessed it");
        sections["households"][0].GetProperty("accessedBy").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .Should().Contain("household.create", "a household's own entries name no person, and still count as access to its members");
        html.Should().Contain("Kitchen cold; spoke about the housing referral").And.Contain("Notice seeking possession served");
    }

    private sealed record Made(Guid Person, Guid IomCase, Guid TreatmentCase, Guid FamilyCase, Guid TreatmentIntervention, Guid Top, Guid Household);

    /// <summary>
    /// A person registered by the police, with an IOM case, work, an offence and a consent (police); a treatment
    /// episode, intervention and TOP (DAAT, after break-glass); a household, its Troubled Families case, outcome records
    /// and a local criterion (FIT, after break-glass); a claim line (council); and the reminders of their reviews.
    /// </summary>
    private async Task<Made> PersonWithEveryKindAsync()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var claims = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var person = (await CreatedAsync(police, "/api/v1/people", new { givenName = "Every", familyName = "Kindsworth", dateOfBirth = "1985-05-05" })).GetProperty("id").GetGuid();
        var iom = (await CreatedAsync(police, "/api/v1/cases", new { personId = person, scheme = "Iom", startDate = "2026-10-10", cohort = "Fixed", tier = "Red", selectionReason = "Panel" })).GetProperty("id").GetGuid();
        await CreatedAsync(police, $"/api/v1/cases/{iom}/interventions", new { type = "HomeVisit", occurredAt = "2026-11-20T10:30:00+00:00", durationMinutes = 40, outcome = "Seen", notes = "Kitchen cold; spoke about the housing referral" });
        await CreatedAsync(police, $"/api/v1/people/{person}/offences", new { offenceType = "Theft", committedOn = "2026-03-10" });
        await CreatedAsync(police, $"/api/v1/people/{person}/consents", new
        {
            purpose = "Iom",
            recipientAgencies = new[] { "PROBATION" },
            dataCategories = new[] { "Offending" },
            status = "Given",
            givenBy = "Self",
            recordedOn = "2026-10-10",
            reviewOn = "2027-10-10",
        });

        await CreatedAsync(daat, $"/api/v1/people/{person}/break-glass", new { justification = "Overdose reported tonight, treatment history needed", riskCategory = "RiskToLife" });
        var treatment = (await CreatedAsync(daat, "/api/v1/cases", new
        {
            scheme = "AdultTreatment",
            personId = person,
            startDate = "2026-11-02",
            referral = new { date = "2026-10-20", source = "Self" },
            substances = new { primary = "Heroin" },
            injectingStatus = "Never",
        })).GetProperty("id").GetGuid();
        var given = (await CreatedAsync(daat, $"/api/v1/cases/{treatment}/treatment-interventions", new { type = "Psychosocial", startDate = "2026-11-03" })).GetProperty("id").GetGuid();
        var top = (await CreatedAsync(daat, $"/api/v1/cases/{treatment}/top", new { stage = "Start", completedOn = "2026-11-03", opiateDays = 20, qualityOfLife = 8 })).GetProperty("id").GetGuid();

        await CreatedAsync(fit, $"/api/v1/people/{person}/break-glass", new { justification = "Children at risk in the household reported tonight", riskCategory = "ChildAtRisk" });
        var household = (await CreatedAsync(fit, "/api/v1/households", new { name = "Kindsworth family", address = "1 Every Street" })).GetProperty("id").GetGuid();
        await CreatedAsync(fit, $"/api/v1/households/{household}/members", new { personId = person, relationship = "ParentCarer", from = "2026-01-01" });
        var family = (await CreatedAsync(fit, "/api/v1/cases", new { scheme = "TroubledFamilies", householdId = household, startDate = "2026-11-01" })).GetProperty("id").GetGuid();
        await CreatedAsync(fit, $"/api/v1/people/{person}/asb", new { kind = "Warning", occurredOn = "2026-09-01" });
        await CreatedAsync(fit, $"/api/v1/people/{person}/education", new { kind = "AlternativeProvision", on = "2026-09-02" });
        await CreatedAsync(fit, $"/api/v1/people/{person}/employment", new { kind = "OutOfWorkBenefit", benefit = "Jsa", from = "2026-01-05" });
        await CreatedAsync(fit, $"/api/v1/cases/{family}/local-criteria", new { criterion = "RiskOfEviction", personId = person, evidence = "Notice seeking possession served" });
        await CreatedAsync(fit, $"/api/v1/cases/{family}/assessments", new
        {
            completedOn = "2026-11-05",
            summary = "Rent arrears and school worries",
            needs = new object[] { new { area = "Housing", personId = person, detail = "Arrears of eight weeks" }, new { area = "Education" } },
        });
        await CreatedAsync(fit, $"/api/v1/cases/{family}/plan/actions", new { description = "Agree a rent repayment plan", forPersonId = person, ownerAgency = "FIT", dueOn = "2026-12-20" });

        var claim = await claims.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Attachment", window = "2026-11" });
        claim.StatusCode.Should().Be(HttpStatusCode.Accepted, await claim.Content.ReadAsStringAsync());
        await factory.Services.GetRequiredService<ClaimPreparationJob>().Run((await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), CancellationToken.None);
        await factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

        return new Made(person, iom, treatment, family, given, top, household);
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, "POST {0} answered {1}", path, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An owned type (a case's custody, a household's members) is part of the record that owns it.</summary>
    private static Type OwnerOf(IEntityType type) =>
        type.FindOwnership() is { } ownership ? OwnerOf(ownership.PrincipalEntityType) : type.ClrType;

    private static List<Guid> Ids(IEnumerable<JsonElement> records) => records.Select(r => r.GetProperty("id").GetGuid()).ToList();

    private static string Section(string html, string testId)
    {
        var marker = $"data-testid=\"{testId}\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        at.Should().BePositive("the page has a section {0}", testId);
        var start = html.LastIndexOf('<', at);
        var end = html.IndexOf(html[start..].StartsWith("<table", StringComparison.Ordinal) ? "</table>" : "</p>", at, StringComparison.Ordinal);
        return html[start..end];
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = factory.DemoPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
