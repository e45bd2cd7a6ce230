using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Households.GetHouseholdTimeline;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The household timeline (API.md "Households and families", DOMAIN.md FAM2, IS7b) through the real pipeline: only
/// records dated within each member's membership, the family case's own events, the person timeline's explanation of
/// shared entries, filters by member and agency, members the reader may not see left out without a trace, and pages
/// far past the end answered empty rather than wrapped round.
/// </summary>
public sealed class HouseholdTimelineTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Timeline_ShowsEachMembersRecordsOnlyFromTheDaysTheyWereAMember_AndTheFamilyCase()
    {
        var family = await FamilyAsync("Dated");

        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household));

        timeline.Items.Select(e => (e.Kind, e.Detail ?? e.Title, e.PersonId)).Should().Equal(
        [
            ("CaseStarted", "Troubled Families family case started", (Guid?)null),
            ("Asb", "mother while a member", family.Mother.Value),
            ("Asb", "son while a member", family.Son.Value),
        ]);
        timeline.Total.Should().Be(3, "the mother's record before she joined and the son's after he left are not the family's");
        timeline.Items.Should().OnlyContain(e => e.Access == null, "FIT owns everything it shows");
        (await _factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "household.timeline"))).Should().Be(1);
    }

    [Fact]
    public async Task Timeline_FiltersByMemberAndByOwningAgency()
    {
        var family = await FamilyAsync("Filtered");

        var son = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, family.Son));
        var fit = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, Agency: "FIT"));
        var daat = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, Agency: "DAAT"));
        var stranger = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker,
            new GetHouseholdTimelineQuery(family.Household, await _factory.RegisterAsync("Filtered", "Neighbour", new DateOnly(1970, 1, 1))));
        var badAgency = () => _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, Agency: "not an agency"));

        son.Items.Select(e => e.Detail).Should().Equal("son while a member");
        son.Total.Should().Be(1);
        fit.Total.Should().Be(3);
        daat.Items.Should().BeEmpty();
        daat.Total.Should().Be(0);
        stranger.Total.Should().Be(0, "a person who is not a member has nothing on the family's timeline");
        (await badAgency.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Agency");
    }

    [Fact]
    public async Task Timeline_ForAPartner_ShowsWhatTheAgreementAllows_SaysWhy_AndLeavesOutAMemberItMayNotSee()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.Offending, DataCategory.ChildrenSafeguarding]);
        var family = await FamilyAsync("Shared");

        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.DaatWorker, new GetHouseholdTimelineQuery(family.Household));

        timeline.Items.Select(e => (e.Kind, e.PersonId)).Should().Equal([("CaseStarted", (Guid?)null), ("Asb", family.Mother.Value)],
            "the son left the household, so the family case no longer enrols him (IS7b) and DAAT may not see him");
        timeline.Total.Should().Be(2, "nothing of a member the reader may not see is counted");
        timeline.Items.Should().OnlyContain(e => e.Access != null && e.Access.Rule == AccessRules.SharingAgreement && e.Access.AgreementName == "Troubled Families: FIT and DAAT");
        (await _factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "household.timeline-entry"))).Should().Be(2, "each shared entry is audited (IS9)");
    }

    [Fact]
    public async Task Timeline_OfAHouseholdTheReaderMayNotSee_IsNotFound()
    {
        var family = await FamilyAsync("Hidden");

        var act = () => _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.PoliceCaseworker, new GetHouseholdTimelineQuery(family.Household));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Theory]
    [InlineData(int.MaxValue, Paging.MaxPageSize)]
    [InlineData(10_737_419, 200)]
    [InlineData(2, 3)]
    public async Task Timeline_APagePastTheEnd_IsEmptyWithTheTotal_EvenWhereThePageTimesItsSizeOverflows(int page, int pageSize)
    {
        var family = await FamilyAsync("Paged");

        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, Page: page, PageSize: pageSize));
        var second = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.FitKeyworker, new GetHouseholdTimelineQuery(family.Household, Page: 2, PageSize: 2));

        timeline.Items.Should().BeEmpty();
        timeline.Total.Should().Be(3);
        second.Items.Select(e => e.Detail).Should().Equal("son while a member");
    }

    /// <summary>
    /// Mother and son joined six months ago; the son left two months ago; a Troubled Families case opened a month
    /// ago. FIT records anti-social behaviour of each before, during and after their membership.
    /// </summary>
    private async Task<RecordedFamily> FamilyAsync(string name)
    {
        var family = await _factory.RecordFamilyAsync(name, Today.AddMonths(-6), sonAge: 15, sonLeft: Today.AddMonths(-2));
        await AsbAsync(family.Mother, Today.AddMonths(-8), "mother before she joined");
        await AsbAsync(family.Mother, Today.AddMonths(-3), "mother while a member");
        await AsbAsync(family.Son, Today.AddMonths(-3).AddDays(-1), "son while a member");
        await AsbAsync(family.Son, Today.AddMonths(-1), "son after he left");
        await _factory.OpenFamilyCaseAsync(family.Household, Today.AddMonths(-1).AddDays(1));
        return family;
    }

    private Task<AsbRecordView> AsbAsync(PersonId person, DateOnly on, string description) =>
        _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(person, AsbKind.Incident, on, description));
}
