using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.UseBreakGlass;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.ListConsents;
using CaseManager.Application.Consents.WithdrawConsent;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.GetWithheldRecords;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.EndSharingAgreement;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>The demo partnership's agreements at work (DOMAIN.md IS7), each scenario on a database of its own.</summary>
public sealed class RecordAccessTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Probation_SeesPoliceIomNominal_UnderTheIomAgreementWithoutConsent()
    {
        var adam = await PersonIdAsync("Ashby");

        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.ProbationCaseworker, new GetPersonQuery(adam));

        person.OwnerAgency.Should().Be("POLICE");
        person.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        person.Access.AgreementName.Should().Contain("IOM");
        var read = await _factory.QueryDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "person.read" && a.ActorEmail == DemoUsers.ProbationCaseworker));
        read.Rule.Should().Be(AccessRule.SharingAgreement);
    }

    [Fact]
    public async Task FamilyWorker_CannotSeeIomNominal()
    {
        var adam = await PersonIdAsync("Ashby");

        var act = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new GetPersonQuery(adam));

        await act.Should().ThrowAsync<NotFoundException>();
        var search = await _factory.SendAsAsync<Paged<PersonListItem>>(DemoUsers.FitKeyworker, new SearchPeopleQuery("Ashby"));
        search.Total.Should().Be(0);
    }

    [Fact]
    public async Task DrugService_SeesFamilyMember_WithConsent_AndNotOnceItIsWithdrawn()
    {
        var dawn = await PersonIdAsync("Marsh", "Dawn");
        var before = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(dawn));
        var consent = (await _factory.SendAsAsync<IReadOnlyList<ConsentView>>(DemoUsers.FitKeyworker, new ListConsentsQuery(dawn))).Single();

        await _factory.SendAsAsync<ConsentView>(DemoUsers.FitKeyworker, new WithdrawConsentCommand(dawn, new ConsentId(consent.Id), "Asked us to stop sharing"));
        var after = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(dawn));

        before.Access!.Rule.Should().Be(AccessRules.Consent);
        before.Access.ConsentId.Should().Be(consent.Id);
        after.Access!.Rule.Should().Be(AccessRules.OpenCase, "the consent no longer shares her record; DAAT still works her treatment case (IS7a)");
        after.Access.ConsentId.Should().BeNull();
        var fitCase = await _factory.QueryDbAsync(db => db.Cases.Where(c => c.PersonId == dawn && c.Scheme == Domain.Agencies.Scheme.Fit).Select(c => c.Id).SingleAsync());
        var caseAfter = () => _factory.SendAsAsync<Cases.CaseView>(DemoUsers.DaatWorker, new Cases.GetCase.GetCaseQuery(fitCase));
        await caseAfter.Should().ThrowAsync<NotFoundException>("FIT's safeguarding case was shared by the consent only");
    }

    [Fact]
    public async Task EndingTheIomAgreement_StopsSharingOnTheNextRequest()
    {
        var adam = await PersonIdAsync("Ashby");
        var agreement = await _factory.QueryDbAsync(db => db.SharingAgreements.SingleAsync(a => a.Name.StartsWith("IOM")));

        await _factory.SendAsAsync<SharingAgreementView>(DemoUsers.InformationGovernance, new EndSharingAgreementCommand(agreement.Id, "Replaced by the new protocol"));
        var act = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.ProbationCaseworker, new GetPersonQuery(adam));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task BreakGlass_GivesAccessUntilItExpires()
    {
        var adam = await PersonIdAsync("Ashby");

        var grant = await _factory.SendAsAsync<BreakGlassView>(DemoUsers.FitKeyworker,
            new UseBreakGlassCommand(adam, "Child at the address disclosed a threat of violence tonight", RiskCategory.ChildAtRisk));
        var during = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new GetPersonQuery(adam));
        _factory.Clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));
        var after = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new GetPersonQuery(adam));

        grant.ExpiresAt.Should().Be(CaseManagerFactory.StartOfTests.AddHours(24));
        during.Access!.Rule.Should().Be(AccessRules.BreakGlass);
        during.Access.GrantId.Should().Be(grant.Id);
        await after.Should().ThrowAsync<NotFoundException>();
        Directory.GetFiles(_factory.MailFolder, "*.eml").Select(File.ReadAllText)
            .Should().Contain(mail => mail.Contains("ig.lead@council.demo", StringComparison.Ordinal) && mail.Contains("Break-glass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithheldRecords_NameTheHolderOfOffendingButNotOfHealthRecords()
    {
        var tom = await PersonIdAsync("Tindall");
        var adam = await PersonIdAsync("Ashby");

        var onTom = await _factory.SendAsAsync<IReadOnlyList<WithheldRecords>>(DemoUsers.PoliceCaseworker, new GetWithheldRecordsQuery(tom));
        var onAdam = await _factory.SendAsAsync<IReadOnlyList<WithheldRecords>>(DemoUsers.PoliceCaseworker, new GetWithheldRecordsQuery(adam));

        onTom.Should().BeEmpty("probation's IOM case on Tom is shared with the police");
        onAdam.Should().BeEmpty("Adam's only withheld record is the drug service's treatment case, and health records are not disclosed");
    }

    [Fact]
    public async Task DrugService_WorkingACaseOnAPoliceNominal_ReadsHisPersonRecordOnly()
    {
        var adam = await PersonIdAsync("Ashby");

        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(adam));
        var shown = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.DaatWorker, new GetTimelineQuery(adam));

        person.OwnerAgency.Should().Be("POLICE");
        person.Access!.Rule.Should().Be(AccessRules.OpenCase, "IS7a: DAAT works Adam's treatment case");
        (await _factory.QueryDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.read" && a.ActorEmail == DemoUsers.DaatWorker && a.Rule == AccessRule.OpenCase)))
            .Should().BeTrue();
        shown.Items.Should().NotContain(e => e.OwnerAgency == "POLICE", "nothing else of the police's comes with it");
    }

    private Task<PersonId> PersonIdAsync(string familyName, string? givenName = null) =>
        _factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName && (givenName == null || p.GivenName == givenName))
            .Select(p => p.Id).SingleAsync());
}
