using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Agencies.CreateAgency;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reports.IomReport;
using CaseManager.Application.Reports.PartnershipReport;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reporting;
using CaseManager.Domain.Users;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The partnership report's anti-social behaviour and families figures against a world counted by hand. The world
/// belongs to an agency of its own (no agreement names it), so its manager counts exactly what is recorded here and
/// a manager of another new agency counts none of it: the figures go through the one access rule (IS7).
/// Suppression is set to 1 so that the small numbers of a hand-counted world show; <c>SmallNumbersTests</c> and
/// <c>PartnershipReportApiTests</c> cover the threshold of 5.
/// </summary>
public sealed class PartnershipReportFiguresTests : IDisposable
{
    private const string Worker = "worker@asbteam.test";
    private const string Manager = "manager@asbteam.test";
    private const string Outsider = "manager@elsewhere.test";

    private readonly Factory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AsbAndFamilies_CountWhatTheReaderMaySeeInThePeriod_AsCountedByHand()
    {
        var world = await WorldAsync();

        var report = await _factory.SendAsAsync<PartnershipReportView>(Manager, new PartnershipReportQuery(world.From, world.To));

        var asb = report.Priorities.Single(p => p.Priority == PartnershipPriority.Asb);
        Values(asb.Figures).Should().BeEquivalentTo(new Dictionary<string, decimal?>
        {
            ["PeopleWithAsbInterventions"] = 2, // Cara's warning, Dev's injunction (Finn's was before the period)
            ["HouseholdsWithAsbInterventions"] = 1, // Cara's household; Dev had left his before his injunction
            ["RepeatAsbPeople"] = 2, // Ann and Ben
        });
        var incidents = asb.Series.Single(s => s.Code == "AsbIncidents");
        incidents.Points.Select(p => (p.Code, p.Value)).Should().Equal(("2026-12", 3m), ("2027-01", 2m));
        incidents.Total.Value.Should().Be(5);
        asb.NotYetRecorded.Should().ContainSingle().Which.Should().Contain("locations");

        var families = report.Priorities.Single(p => p.Priority == PartnershipPriority.Families);
        Values(families.Figures).Should().BeEquivalentTo(new Dictionary<string, decimal?>
        {
            ["TroubledFamiliesAllocation"] = 275,
            ["TroubledFamiliesIdentified"] = 3, // two attached, one eligible and not attached
            ["TroubledFamiliesAttached"] = 2,
            ["TroubledFamiliesWorkedWith"] = 1, // the other left the programme before the period
            ["HighImpactHouseholdsOpen"] = 1,
            ["FitFamiliesOpen"] = 1,
        });
        var results = families.Series.Single(s => s.Code == "ResultsClaimed");
        results.Points.Single(p => p.Code == nameof(ClaimOutcome.CrimeAsbEducation)).Value.Should().Be(1);
        results.Total.Value.Should().Be(1, "the progress-to-work result was claimed before the period");
    }

    [Fact]
    public async Task AnotherAgency_CountsNoneOfIt()
    {
        var world = await WorldAsync();

        var report = await _factory.SendAsAsync<PartnershipReportView>(Outsider, new PartnershipReportQuery(world.From, world.To));

        var figures = report.Priorities.Where(p => p.Priority is PartnershipPriority.Asb or PartnershipPriority.Families)
            .SelectMany(p => p.Figures.Concat(p.Series.SelectMany(s => s.Points.Append(s.Total))))
            .Where(f => f.Code != "TroubledFamiliesAllocation")
            .ToList();
        figures.Should().NotBeEmpty().And.OnlyContain(f => (f.Value ?? 0) == 0);
    }

    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("2026-06-30")]
    [InlineData("2026-09-30")]
    public async Task Reoffending_EqualsTheIomReportAsAtTheLastDayOfThePeriod(string lastDay)
    {
        var to = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);

        var report = await _factory.SendAsAsync<PartnershipReportView>(DemoUsers.PoliceManager, new PartnershipReportQuery(to.AddMonths(-6), to));
        var iom = await _factory.SendAsAsync<IomReportView>(DemoUsers.PoliceManager, new IomReportQuery(to));

        iom.AsOf.Should().Be(to);
        var section = report.Priorities.Single(p => p.Priority == PartnershipPriority.Reoffending);
        Values(section.Figures).Should().BeEquivalentTo(new Dictionary<string, decimal?>
        {
            ["OffencesPerPersonYearBefore"] = (decimal)iom.Total.RateBefore,
            ["OffencesPerPersonYearSince"] = (decimal)iom.Total.RateSince,
            ["CostPerPersonYearBefore"] = iom.Total.CostPerPersonYearBefore,
            ["CostPerPersonYearSince"] = iom.Total.CostPerPersonYearSince,
            ["TopOffendersCostBefore"] = iom.TopOffenders.CostBefore,
            ["TopOffendersCostSince"] = iom.TopOffenders.CostSincePerYear,
            ["PredictedReoffending"] = (decimal?)iom.Predicted.PredictedPercent,
            ["ActualReoffending"] = (decimal?)iom.Predicted.ActualPercent,
        });
        section.Series.Single().Total.Value.Should().Be(iom.CohortSize.Sum(c => c.People));
    }

    [Fact]
    public async Task IomReport_AsAtAnEarlierDay_CountsOnlyTheCasesStartedAndOffencesCommittedByThen()
    {
        var today = await _factory.SendAsAsync<IomReportView>(DemoUsers.PoliceManager, new IomReportQuery());
        var started = await _factory.QueryDbAsync(db => db.Cases.Where(c => c.Scheme == Scheme.Iom).Select(c => c.StartDate).ToListAsync());
        var middle = started.Order().ElementAt(started.Count / 2);

        var earlier = await _factory.SendAsAsync<IomReportView>(DemoUsers.PoliceManager, new IomReportQuery(middle.AddDays(-1)));

        today.Total.People.Should().BeGreaterThan(earlier.Total.People);
        (earlier.Total.OffencesBefore + earlier.Total.OffencesSince).Should().BeLessThanOrEqualTo(today.Total.OffencesBefore + today.Total.OffencesSince);
        var none = await _factory.SendAsAsync<IomReportView>(DemoUsers.PoliceManager, new IomReportQuery(started.Min().AddDays(-1)));
        none.Total.People.Should().Be(0);
        none.CohortSize.Should().BeEmpty();
    }

    private static Dictionary<string, decimal?> Values(IEnumerable<ReportFigure> figures) => figures.ToDictionary(f => f.Code, f => f.Value);

    /// <summary>
    /// Recorded on 26 November 2026; the report covers 1 December 2026 to 25 January 2027, read on that day.
    /// Ann: incidents on 5 December and 10 January (a repeat). Ben: incidents on 10 and 11 December (a repeat). Cara
    /// (a member of the Cole household): an incident on 20 November, before the period, and a warning on 15 December.
    /// Dev: left the Dale household on 31 December, injunction on 5 January. Eve: an incident on 20 January. Finn
    /// (the Fox household, eligible under TF1 and not attached): an injunction on 25 November, before the period.
    /// The Coles' Troubled Families case is open, with a crime, ASB and education result claimed in the period;
    /// the Dales' ended on 26 November, with progress to work claimed that day; the Greys are a high-impact household
    /// also with the Family Intervention Team.
    /// </summary>
    private async Task<(DateOnly From, DateOnly To)> WorldAsync()
    {
        await _factory.SendAsAsync<AgencyListItem>(DemoUsers.Administrator,
            new CreateAgencyCommand("ASBTEAM", "Community Safety ASB Team", [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies]));
        await _factory.SendAsAsync<AgencyListItem>(DemoUsers.Administrator, new CreateAgencyCommand("ELSEWHERE", "Another partner", [Scheme.Fit]));
        await UserAsync(Worker, "ASBTEAM", Role.Caseworker);
        await UserAsync(Manager, "ASBTEAM", Role.Manager);
        await UserAsync(Outsider, "ELSEWHERE", Role.Manager);

        var setUp = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime); // 26 November 2026
        var ann = await PersonAsync("Ann", new DateOnly(1990, 1, 1));
        var ben = await PersonAsync("Ben", new DateOnly(1991, 1, 1));
        var cara = await PersonAsync("Cara", new DateOnly(1985, 1, 1));
        var dev = await PersonAsync("Dev", new DateOnly(1986, 1, 1));
        var eve = await PersonAsync("Eve", new DateOnly(1992, 1, 1));
        var finn = await PersonAsync("Finn", new DateOnly(1980, 1, 1));
        var fernSon = await PersonAsync("Fern", setUp.AddYears(-12));

        var coles = await HouseholdAsync("Cole", (cara, Relationship.ParentCarer, new DateOnly(2026, 1, 1), null));
        var dales = await HouseholdAsync("Dale", (dev, Relationship.ParentCarer, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));
        var greys = await HouseholdAsync("Grey");
        var foxes = await HouseholdAsync("Fox", (finn, Relationship.ParentCarer, new DateOnly(2020, 1, 1), null), (fernSon, Relationship.Child, new DateOnly(2020, 1, 1), null));

        var coleCase = await OpenAsync(coles, Scheme.TroubledFamilies, new DateOnly(2026, 6, 1));
        var daleCase = await OpenAsync(dales, Scheme.TroubledFamilies, new DateOnly(2026, 3, 1));
        await OpenAsync(greys, Scheme.HighImpactHousehold, new DateOnly(2026, 9, 1));
        await OpenAsync(greys, Scheme.Fit, new DateOnly(2026, 9, 1));
        await _factory.SendAsAsync<CaseView>(Worker, new NominateExitCommand(new CaseId(daleCase.Id), ExitReason.OutcomesAchieved, "Plan completed"));
        await _factory.SendAsAsync<CaseView>(Manager, new ApproveExitCommand(new CaseId(daleCase.Id)));
        await _factory.ClaimedAsync(new CaseId(daleCase.Id), dales, daleCase.StartDate, ClaimOutcome.ProgressToWork, _factory.Clock.GetUtcNow(), officerEmail: Manager, auditorEmail: Worker);

        _factory.Clock.Advance(TimeSpan.FromDays(60)); // 25 January 2027
        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        await AsbAsync(ann, AsbKind.Incident, new DateOnly(2026, 12, 5));
        await AsbAsync(ann, AsbKind.Incident, new DateOnly(2027, 1, 10));
        await AsbAsync(ben, AsbKind.Incident, new DateOnly(2026, 12, 10));
        await AsbAsync(ben, AsbKind.Incident, new DateOnly(2026, 12, 11));
        await AsbAsync(cara, AsbKind.Incident, new DateOnly(2026, 11, 20));
        await AsbAsync(cara, AsbKind.Warning, new DateOnly(2026, 12, 15));
        await AsbAsync(dev, AsbKind.Injunction, new DateOnly(2027, 1, 5));
        await AsbAsync(eve, AsbKind.Incident, new DateOnly(2027, 1, 20));

        // The Foxes meet TF1's three headline criteria on the last day: an injunction, a child excluded three times, out of work.
        await AsbAsync(finn, AsbKind.Injunction, new DateOnly(2026, 11, 25));
        await _factory.SendAsAsync<EmploymentRecordView>(Worker, new RecordEmploymentCommand(finn, EmploymentKind.OutOfWorkBenefit, today.AddYears(-1), Benefit: BenefitType.Jsa));
        for (var i = 0; i < 3; i++)
        {
            await _factory.SendAsAsync<EducationRecordView>(Worker, new RecordEducationCommand(fernSon, EducationKind.FixedTermExclusion, On: today.AddDays(-7 - (i * 14)), Days: 2));
        }

        await _factory.ClaimedAsync(new CaseId(coleCase.Id), coles, coleCase.StartDate, ClaimOutcome.CrimeAsbEducation, _factory.Clock.GetUtcNow(), officerEmail: Manager, auditorEmail: Worker);
        return (new DateOnly(2026, 12, 1), today);
    }

    private Task<UserAccount> UserAsync(string email, string agency, Role role) =>
        _factory.SendAsAsync<UserAccount>(DemoUsers.Administrator, new CreateUserCommand(email, email.Split('@')[0], agency, [role], "a long enough passphrase here"));

    private async Task<PersonId> PersonAsync(string givenName, DateOnly born) =>
        new((await _factory.SendAsAsync<PersonDetailsView>(Worker, new RegisterPersonCommand(givenName, "Testfamily", born))).Id);

    private async Task<HouseholdId> HouseholdAsync(string name, params (PersonId Person, Relationship Relationship, DateOnly From, DateOnly? To)[] members)
    {
        var household = new HouseholdId((await _factory.SendAsAsync<HouseholdView>(Worker, new RecordHouseholdCommand($"The {name} family", "1 Report Road"))).Id);
        foreach (var (person, relationship, from, to) in members)
        {
            await _factory.SendAsAsync<HouseholdMemberView>(Worker, new AddHouseholdMemberCommand(household, person, relationship, from, to));
        }

        return household;
    }

    private Task<CaseView> OpenAsync(HouseholdId household, Scheme scheme, DateOnly start) =>
        _factory.SendAsAsync<CaseView>(Worker, new OpenCaseCommand(scheme, default, start, HouseholdId: household));

    private Task<AsbRecordView> AsbAsync(PersonId person, AsbKind kind, DateOnly on) =>
        _factory.SendAsAsync<AsbRecordView>(Worker, new RecordAsbCommand(person, kind, on, "Recorded for the report"));

    /// <summary>Small numbers shown (suppression under 1), so that a hand-counted world's figures can be read.</summary>
    private sealed class Factory : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Reports:SuppressBelow", "1")];
    }
}
